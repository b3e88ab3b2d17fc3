import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { MessageSpool, SpoolDirectory } from './message-spool';

/** The data as a stream of chunks of `size` bytes, as the SMTP data stream delivers it. */
const chunked = (data: Buffer, size: number) =>
  Readable.from(Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size)));

describe('MessageSpool', () => {
  let directory: SpoolDirectory;
  const options = () => ({ memoryBytes: 1000, maxBytes: 10_000, directory: () => directory.get() });

  beforeEach(() => {
    directory = new SpoolDirectory(tmpdir());
  });

  afterEach(() => directory.remove());

  it('keeps a small message in memory', async () => {
    const data = randomBytes(900);
    const sut = await MessageSpool.receive(chunked(data, 100), options());
    expect(sut.size).toBe(900);
    expect(readdirSync(await directory.get())).toEqual([]);
    expect((await sut.read()).equals(data)).toBe(true);
  });

  it('writes a larger message to a file as it arrives, reads it back whole and removes the file', async () => {
    const data = randomBytes(9_999);
    const sut = await MessageSpool.receive(chunked(data, 700), options());
    expect(readdirSync(await directory.get())).toHaveLength(1);
    expect((await sut.read()).equals(data)).toBe(true);
    expect(readdirSync(await directory.get())).toEqual([]);
  });

  it('keeps nothing of a message above the maximum, but counts it', async () => {
    const sut = await MessageSpool.receive(chunked(randomBytes(10_001), 700), options());
    expect({ size: sut.size, exceeded: sut.exceeded }).toEqual({ size: 10_001, exceeded: true });
    expect(readdirSync(await directory.get())).toEqual([]);
  });

  it('removes the file when the stream fails', async () => {
    const failing = Readable.from(
      (async function* () {
        yield randomBytes(2000);
        throw new Error('connection reset');
      })(),
    );
    await expect(MessageSpool.receive(failing, options())).rejects.toThrow('connection reset');
    expect(readdirSync(await directory.get())).toEqual([]);
  });

  it('removes its directory', async () => {
    const path = await directory.get();
    await directory.remove();
    expect(existsSync(path)).toBe(false);
  });
});
