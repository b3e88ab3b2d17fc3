import { randomUUID } from 'node:crypto';
import { FileHandle, mkdtemp, open, readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface SpoolOptions {
  /** Up to this many bytes stay in memory; a larger message goes to a file in `directory()`. */
  memoryBytes: number;
  /** Past this size the rest is only counted, not kept: the answer will be 552 anyway. */
  maxBytes: number;
  /** The directory for spool files (created on first use). */
  directory: () => Promise<string>;
}

/**
 * The DATA of one SMTP transaction, received without holding it twice: small
 * mail as its chunks in memory, large mail in a temporary file written as the
 * chunks arrive (the socket is read only as fast as the file is written). read()
 * then returns the message in one allocation of its exact size — instead of the
 * chunks plus their concatenation.
 */
export class MessageSpool {
  private constructor(
    readonly size: number,
    /** Larger than SpoolOptions.maxBytes: nothing was kept. */
    readonly exceeded: boolean,
    private readonly chunks: Buffer[],
    private readonly path: string | undefined,
  ) {}

  static async receive(stream: AsyncIterable<Buffer>, options: SpoolOptions): Promise<MessageSpool> {
    const chunks: Buffer[] = [];
    let inMemory = 0;
    let size = 0;
    let file: FileHandle | undefined;
    let path: string | undefined;
    try {
      for await (const chunk of stream) {
        size += chunk.length;
        if (size > options.maxBytes) continue;
        if (!file && inMemory + chunk.length > options.memoryBytes) {
          path = join(await options.directory(), `${randomUUID()}.eml`);
          file = await open(path, 'wx', 0o600);
          await file.writev(chunks.splice(0));
        }
        if (file) await file.write(chunk);
        else {
          chunks.push(chunk);
          inMemory += chunk.length;
        }
      }
      await file?.close();
    } catch (error) {
      await file?.close().catch(() => undefined);
      if (path) await unlink(path).catch(() => undefined);
      throw error;
    }
    const spool = new MessageSpool(size, size > options.maxBytes, chunks, path);
    if (spool.exceeded) await spool.discard();
    return spool;
  }

  /** The whole message; the spool file is removed. */
  async read(): Promise<Buffer> {
    if (!this.path) return Buffer.concat(this.chunks, this.size);
    try {
      return await readFile(this.path);
    } finally {
      await this.discard();
    }
  }

  async discard(): Promise<void> {
    this.chunks.length = 0;
    if (this.path) await unlink(this.path).catch(() => undefined);
  }
}

/** A private directory for one process's spool files, made on first use, removed on close. */
export class SpoolDirectory {
  private made?: Promise<string>;

  constructor(private readonly parent: string) {}

  get(): Promise<string> {
    this.made ??= mkdtemp(join(this.parent, 'd115-mail-spool-')).catch((error: unknown) => {
      this.made = undefined;
      throw error;
    });
    return this.made;
  }

  async remove(): Promise<void> {
    const directory = await this.made?.catch(() => undefined);
    if (directory) await rm(directory, { recursive: true, force: true });
  }
}
