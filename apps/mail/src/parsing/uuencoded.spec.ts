import { decodeUuencodedPart, extractUuencoded } from './uuencoded';

describe('extractUuencoded', () => {
  it('takes uuencoded files out of the text', () => {
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 7) % 256));
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i += 45) lines.push(uuLine(bytes.subarray(i, i + 45)));
    const sut = extractUuencoded(`Hallo,\nanbei das Foto.\n\nbegin 644 foto 1.jpg\n${lines.join('\n')}\n\`\nend\n\nGruß`);
    expect(sut.files).toEqual([{ filename: 'foto 1.jpg', contentType: 'image/jpeg', content: bytes }]);
    expect(sut.text).toBe('Hallo,\nanbei das Foto.\n\nGruß');
  });

  it('leaves text alone that only looks like a block', () => {
    const text = 'begin 644 notiz.txt\nDas ist kein uuencode\nend';
    expect(extractUuencoded(text)).toEqual({ text, files: [] });
    expect(extractUuencoded('begin with this')).toEqual({ text: 'begin with this', files: [] });
  });

  it('decodes a part sent with Content-Transfer-Encoding x-uuencode, with or without begin/end', () => {
    const bytes = Buffer.from('Hallo Rostock, hier die Liste.');
    expect(decodeUuencodedPart(Buffer.from(`${uuLine(bytes)}\n\`\n`))).toEqual(bytes);
    expect(decodeUuencodedPart(Buffer.from(`begin 644 liste.txt\r\n${uuLine(bytes)}\r\n\`\r\nend\r\n`))).toEqual(bytes);
    expect(decodeUuencodedPart(Buffer.from('kein uuencode: äöü'))).toEqual(Buffer.from('kein uuencode: äöü'));
  });
});

/** One uuencoded line, written here from the definition (length char, then 4 chars per 3 bytes). */
function uuLine(chunk: Buffer): string {
  const char = (value: number) => (value === 0 ? '`' : String.fromCharCode(value + 32));
  let line = char(chunk.length);
  for (let i = 0; i < chunk.length; i += 3) {
    const [a, b, c] = [chunk[i], chunk[i + 1] ?? 0, chunk[i + 2] ?? 0];
    line += char(a >> 2) + char(((a << 4) | (b >> 4)) & 63) + char(((b << 2) | (c >> 6)) & 63) + char(c & 63);
  }
  return line;
}
