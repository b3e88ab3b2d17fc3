import type { Readable } from 'node:stream';
import { D115Error, GatewayErrorCode } from '@d115/contracts';

/** Largest header block of one part. */
const HEADERS_LIMIT = 16 * 1024;
const CRLF2 = Buffer.from('\r\n\r\n');

export interface UploadedFile {
  /** The name the client gave the file (no path). */
  filename: string;
  /** The file's bytes as they arrive: pulled from the request, never held whole. */
  stream: ReadableStream<Uint8Array>;
}

/**
 * The file part `field` of a `multipart/form-data` request, as a stream: the request is
 * read only as fast as the stream is consumed (backpressure), other parts are skipped,
 * and more than `limit` bytes of file, a missing boundary or a body that ends inside
 * the part error the stream with a coded problem (REQUEST.TOO_LARGE, REQUEST.MALFORMED).
 * Resolves once the part's headers are read.
 */
export async function multipartFile(request: Readable, contentType: string | undefined, field: string, limit: number): Promise<UploadedFile> {
  const reader = readerOf(request, contentType);
  for (;;) {
    const part = await reader.nextPart();
    if (!part) throw new D115Error(GatewayErrorCode.BODY_MALFORMED, `the body has no file part "${field}"`);
    if (part.name === field && part.filename !== undefined) return { filename: part.filename, stream: reader.partStream(limit) };
    while ((await reader.bodyChunk()) !== undefined) {
      // a part we do not use
    }
  }
}

/**
 * The text fields of a small `multipart/form-data` body — a webhook's, as `curl --form` and
 * some telephone systems send it — in order, at most `limit` bytes of content in all
 * (REQUEST.TOO_LARGE beyond). A file part is refused (REQUEST.UNSUPPORTED): such a path takes fields only.
 */
export async function multipartFields(request: Readable, contentType: string | undefined, limit: number): Promise<[string, string][]> {
  const reader = readerOf(request, contentType);
  const fields: [string, string][] = [];
  let size = 0;
  for (let part = await reader.nextPart(); part; part = await reader.nextPart()) {
    if (part.filename !== undefined)
      throw new D115Error(GatewayErrorCode.UNSUPPORTED, `the part "${part.name ?? ''}" is a file: this path takes form fields only`);
    const chunks: Buffer[] = [];
    for (let chunk = await reader.bodyChunk(); chunk !== undefined; chunk = await reader.bodyChunk()) {
      size += chunk.length;
      if (size > limit) throw new D115Error(GatewayErrorCode.BODY_TOO_LARGE, `the form exceeds ${limit} bytes`);
      chunks.push(chunk);
    }
    if (part.name !== undefined) fields.push([part.name, Buffer.concat(chunks).toString('utf8')]);
  }
  return fields;
}

function readerOf(request: Readable, contentType: string | undefined): MultipartReader {
  const boundary = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  if (!boundary) throw new D115Error(GatewayErrorCode.UNSUPPORTED, 'the body must be multipart/form-data with a boundary');
  return new MultipartReader(request[Symbol.asyncIterator]() as AsyncIterator<Buffer>, boundary[1] ?? boundary[2]);
}

interface PartHeaders {
  name?: string;
  filename?: string;
}

/** A multipart body read part by part, chunk by chunk (RFC 7578 over RFC 2046). */
class MultipartReader {
  private readonly delimiter: Buffer;
  /** Starts with the CRLF that the first delimiter lacks, so every delimiter is CRLF--boundary. */
  private buffer: Buffer = Buffer.from('\r\n');
  private ended = false;

  constructor(
    private readonly source: AsyncIterator<Buffer>,
    boundary: string,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  /** The headers of the next part; undefined after the closing delimiter. */
  async nextPart(): Promise<PartHeaders | undefined> {
    for (;;) {
      const at = this.buffer.indexOf(this.delimiter);
      if (at >= 0) {
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        break;
      }
      this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - this.delimiter.length + 1));
      if (!(await this.more())) throw malformed('the body ends before a boundary');
    }
    while (this.buffer.length < 2) if (!(await this.more())) throw malformed('the body ends after a boundary');
    if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) return undefined;
    for (;;) {
      const end = this.buffer.indexOf(CRLF2);
      if (end >= 0) {
        const headers = this.buffer.subarray(0, end).toString('utf8');
        this.buffer = this.buffer.subarray(end + CRLF2.length);
        return parseDisposition(headers);
      }
      if (this.buffer.length > HEADERS_LIMIT) throw malformed('the headers of a part are too long');
      if (!(await this.more())) throw malformed('the body ends inside the headers of a part');
    }
  }

  /** The next bytes of the current part's content; undefined at its end. */
  async bodyChunk(): Promise<Buffer | undefined> {
    for (;;) {
      const at = this.buffer.indexOf(this.delimiter);
      if (at === 0) return undefined;
      // Bytes that cannot be the start of a delimiter are content.
      const safe = at > 0 ? at : this.buffer.length - this.delimiter.length + 1;
      if (safe > 0) {
        const chunk = this.buffer.subarray(0, safe);
        this.buffer = this.buffer.subarray(safe);
        return chunk;
      }
      if (!(await this.more())) throw malformed('the body ends inside a part');
    }
  }

  /** The current part's content as a pull stream of at most `limit` bytes; the rest of the body is discarded after it. */
  partStream(limit: number): ReadableStream<Uint8Array> {
    let size = 0;
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          const chunk = await this.bodyChunk();
          if (chunk === undefined) {
            controller.close();
            void this.discardRest();
            return;
          }
          size += chunk.length;
          if (size > limit) throw new D115Error(GatewayErrorCode.BODY_TOO_LARGE, `the file exceeds ${limit} bytes`);
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
  }

  /** Reads the body to its end (the epilogue, parts after the file) so the client gets the answer. */
  private async discardRest(): Promise<void> {
    try {
      while (await this.more()) this.buffer = this.buffer.subarray(this.buffer.length);
    } catch {
      // the client went away
    }
  }

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }
}

function parseDisposition(headers: string): PartHeaders {
  const line = headers.split('\r\n').find((header) => /^content-disposition\s*:/i.test(header)) ?? '';
  const name = /;\s*name="([^"]*)"/i.exec(line)?.[1];
  const filename = /;\s*filename="([^"]*)"/i.exec(line)?.[1];
  // Only the last path segment of a filename counts (browsers on Windows may send a path).
  return { name, filename: filename === undefined ? undefined : filename.split(/[/\\]/).pop() || 'upload' };
}

function malformed(reason: string): D115Error {
  return new D115Error(GatewayErrorCode.BODY_MALFORMED, `the multipart body is malformed: ${reason}`);
}
