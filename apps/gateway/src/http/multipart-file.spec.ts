import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { multipartFields, multipartFile } from './multipart-file';

const BOUNDARY = '----d115boundary7MA4YWxkTrZu0gW';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

function body(file: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`preamble\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="comment"\r\n\r\n--${BOUNDARY.slice(0, 10)} not a boundary\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="C:\\Daten\\katalog.xml"\r\nContent-Type: text/xml\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\nepilogue`),
  ]);
}

/** The body in pieces of `size` bytes, as a socket might deliver it. */
function pieces(data: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length; at += size) chunks.push(data.subarray(at, at + size));
  return Readable.from(chunks);
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('multipartFile', () => {
  // CRLF and dashes inside the file: only the full delimiter ends it.
  const file = Buffer.concat([randomBytes(70_000), Buffer.from(`\r\n--${BOUNDARY.slice(0, -1)}\r\n`), randomBytes(3_000)]);

  it.each([1, 7, 64, 65_536])('streams the file part byte for byte whatever the chunking (%i-byte pieces), skipping other parts', async (size) => {
    const uploaded = await multipartFile(pieces(body(file), size), TYPE, 'file', 1024 * 1024);
    expect(uploaded.filename).toBe('katalog.xml');
    expect((await collect(uploaded.stream)).equals(file)).toBe(true);
  });

  it('errors the stream with REQUEST.TOO_LARGE past the limit', async () => {
    const uploaded = await multipartFile(pieces(body(file), 4096), TYPE, 'file', 10_000);
    await expect(collect(uploaded.stream)).rejects.toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('refuses a body without the part, a truncated part and a request that is not multipart', async () => {
    const noFile = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${BOUNDARY}--\r\n`);
    await expect(multipartFile(pieces(noFile, 10), TYPE, 'file', 100)).rejects.toMatchObject({ code: 'REQUEST.MALFORMED' });
    const truncated = await multipartFile(pieces(body(file).subarray(0, 5000), 512), TYPE, 'file', 1024 * 1024);
    await expect(collect(truncated.stream)).rejects.toMatchObject({ code: 'REQUEST.MALFORMED' });
    await expect(multipartFile(pieces(noFile, 10), 'application/json', 'file', 100)).rejects.toMatchObject({ code: 'REQUEST.UNSUPPORTED' });
  });
});

describe('multipartFields', () => {
  /** A webhook body as `curl --form` sends it: text parts only, one name twice. */
  const form = Buffer.from(
    [
      `--${BOUNDARY}`,
      'Content-Disposition: form-data; name="event"',
      '',
      'newCall',
      `--${BOUNDARY}`,
      'Content-Disposition: form-data; name="user[]"',
      '',
      'Christopher Miller',
      `--${BOUNDARY}`,
      'Content-Disposition: form-data; name="user[]"',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Jörg Müller',
      `--${BOUNDARY}--`,
      '',
    ].join('\r\n'),
  );

  it.each([1, 5, 4096])('reads the text fields in order whatever the chunking (%i-byte pieces)', async (size) => {
    await expect(multipartFields(pieces(form, size), TYPE, 1024)).resolves.toEqual([
      ['event', 'newCall'],
      ['user[]', 'Christopher Miller'],
      ['user[]', 'Jörg Müller'],
    ]);
  });

  it('refuses a file part, more content than the limit and a body without a boundary, coded', async () => {
    await expect(multipartFields(pieces(body(Buffer.from('x')), 64), TYPE, 1024)).rejects.toMatchObject({ code: 'REQUEST.UNSUPPORTED' });
    await expect(multipartFields(pieces(form, 64), TYPE, 20)).rejects.toMatchObject({ code: 'REQUEST.TOO_LARGE' });
    await expect(multipartFields(pieces(form, 64), 'multipart/form-data', 1024)).rejects.toMatchObject({ code: 'REQUEST.UNSUPPORTED' });
  });
});
