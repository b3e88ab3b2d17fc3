export interface UuencodedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

// Uuencoding carries no type: the usual ones by extension, else octet-stream.
const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  zip: 'application/zip',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const BEGIN = /^begin +([0-7]{3,4}) +(.+?)\s*$/;

/**
 * Finds uuencoded files in a text body ("begin 644 name" … "end", as old
 * Outlook Express, Pegasus and some scanners send attachments) and takes them
 * out of the text. A block that does not decode is left in the text.
 */
export function extractUuencoded(text: string): { text: string; files: UuencodedFile[] } {
  if (!/^begin /m.test(text)) return { text, files: [] };
  const lines = text.split('\n');
  const kept: string[] = [];
  const files: UuencodedFile[] = [];
  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec(lines[i].replace(/\r$/, ''));
    const end = begin ? lines.findIndex((line, j) => j > i && /^end\s*$/.test(line)) : -1;
    const content = begin && end > i ? decodeBlock(lines.slice(i + 1, end)) : undefined;
    if (!begin || !content) {
      kept.push(lines[i]);
      continue;
    }
    const filename = begin[2];
    files.push({ filename, contentType: TYPES[filename.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream', content });
    i = end;
  }
  return { text: files.length ? kept.join('\n').replace(/\n{3,}/g, '\n\n') : text, files };
}

/**
 * The content of a part sent with Content-Transfer-Encoding x-uuencode (old
 * Eudora and Mac clients), with or without its begin/end lines; the content
 * as it is when it does not decode.
 */
export function decodeUuencodedPart(content: Buffer): Buffer {
  const lines = content
    .toString('latin1')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''));
  const begin = lines.findIndex((line) => BEGIN.test(line));
  const from = begin >= 0 ? begin + 1 : 0;
  const end = lines.findIndex((line, i) => i >= from && /^end\s*$/.test(line));
  return decodeBlock(lines.slice(from, end >= 0 ? end : lines.length)) ?? content;
}

/** The bytes of the lines between begin and end; undefined when they are not uuencoding. */
function decodeBlock(lines: string[]): Buffer | undefined {
  const bytes: number[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line === '`') continue;
    const length = (line.charCodeAt(0) - 32) & 0x3f;
    if (length === 0) continue;
    const body = line.slice(1);
    if (/[^\x20-\x60]/.test(body) || body.length < Math.ceil(length / 3) * 4 - 1) return undefined;
    const values = Array.from(body, (char) => (char.charCodeAt(0) - 32) & 0x3f);
    const decoded: number[] = [];
    for (let k = 0; k + 3 < values.length + 1 && decoded.length < length; k += 4) {
      const [a, b, c, d] = [values[k] ?? 0, values[k + 1] ?? 0, values[k + 2] ?? 0, values[k + 3] ?? 0];
      decoded.push(((a << 2) | (b >> 4)) & 0xff, ((b << 4) | (c >> 2)) & 0xff, ((c << 6) | d) & 0xff);
    }
    bytes.push(...decoded.slice(0, length));
  }
  return bytes.length ? Buffer.from(bytes) : undefined;
}
