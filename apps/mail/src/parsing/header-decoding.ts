import { decodeBytes, isValidUtf8 } from './charset';

export interface RawHeader {
  name: string;
  value: string;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');
const LFLF = Buffer.from('\n\n');

/** The header section of a raw mail (up to the first empty line). */
export function headerBlock(raw: Buffer): Buffer {
  const crlf = raw.indexOf(CRLFCRLF);
  const lf = raw.indexOf(LFLF);
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? raw.subarray(0, Math.min(...ends)) : raw;
}

/** The body of a raw mail (after the first empty line). */
export function bodyOf(raw: Buffer): Buffer {
  const crlf = raw.indexOf(CRLFCRLF);
  const lf = raw.indexOf(LFLF);
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return raw.subarray(crlf + 4);
  if (lf >= 0) return raw.subarray(lf + 2);
  return Buffer.alloc(0);
}

/** True when the mail starts with a header field ("Name: value"), i.e. looks like RFC 5322 at all. */
export function startsWithHeader(raw: Buffer): boolean {
  const firstLine = raw.subarray(0, Math.min(raw.length, 1000)).toString('latin1').split(/\r?\n/, 1)[0];
  return /^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(firstLine);
}

/**
 * Skips what some tools write before the header section: the mbox separator
 * ("From sender date"), an escaped ">From " line, the title line of an export
 * (e.g. "Microsoft Mail Internet Headers Version 2.0") — up to three lines,
 * and only when a real header section follows. Anything else is left as it is.
 */
export function withoutPreamble(raw: Buffer): Buffer {
  if (startsWithHeader(raw)) return raw;
  let offset = 0;
  for (let skipped = 0; skipped < 3; skipped++) {
    const end = raw.indexOf(0x0a, offset);
    if (end < 0) return raw;
    offset = end + 1;
    const rest = raw.subarray(offset);
    if (startsWithHeader(rest) && MESSAGE_FIELD.test(headerBlock(rest).toString('latin1'))) return rest;
  }
  return raw;
}

const MESSAGE_FIELD = /^(from|to|subject|date|message-id|received|return-path|mime-version)[ \t]*:/im;

/**
 * Splits the header section into unfolded fields with their values decoded:
 * raw 8-bit bytes as UTF-8 when they are valid UTF-8, else in the charset the
 * mail declares for its text (clients that write raw 8-bit headers write them
 * in that charset), else windows-1252; then RFC 2047 encoded words.
 */
export function readHeaders(raw: Buffer, limits: { maxFields?: number; maxValueLength?: number } = {}): RawHeader[] {
  return decodeFields(readUndecodedHeaders(raw, limits.maxFields), limits.maxValueLength);
}

/** Fields of readUndecodedHeaders with their RFC 2047 words decoded (values cut at maxValueLength). */
export function decodeFields(fields: RawHeader[], maxValueLength?: number): RawHeader[] {
  return fields.map(({ name, value }) => {
    const decoded = withoutNul(decodeEncodedWords(value));
    return { name, value: maxValueLength ? decoded.slice(0, maxValueLength) : decoded };
  });
}

/**
 * The unfolded fields with their bytes decoded but RFC 2047 words still encoded:
 * for structured fields (addresses), which must be split before their words are
 * decoded (a decoded display name may contain commas or angle brackets).
 */
export function readUndecodedHeaders(raw: Buffer, maxFields?: number): RawHeader[] {
  const block = headerBlock(raw);
  const plain = isValidUtf8(block) && !block.includes(0x1b);
  const text = plain ? block.toString('utf8') : decodeLines(block, declaredCharset(raw) ?? 'windows-1252');
  const fields: RawHeader[] = [];
  let current: string | undefined;
  const flush = () => {
    if (current === undefined) return;
    const colon = current.indexOf(':');
    if (colon > 0) fields.push({ name: withoutNul(current.slice(0, colon).trim()), value: current.slice(colon + 1).trim() });
    current = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && current !== undefined) {
      current += ` ${line.trim()}`;
      continue;
    }
    flush();
    if (maxFields && fields.length >= maxFields) break;
    current = line;
  }
  flush();
  return fields;
}

const ESC_JIS = Buffer.from([0x1b, 0x24]);

/** Line by line: one client's raw UTF-8 subject next to another's raw Latin-1 name both come out right. */
function decodeLines(block: Buffer, fallback: string): string {
  const lines: string[] = [];
  for (let start = 0; start <= block.length;) {
    const end = block.indexOf(0x0a, start);
    const line = block.subarray(start, end < 0 ? block.length : end);
    // Raw ISO-2022-JP (escape sequences, 7-bit) is how Japanese clients write unencoded headers.
    if (line.includes(ESC_JIS)) lines.push(decodeBytes(line, 'iso-2022-jp'));
    else lines.push(isValidUtf8(line) ? line.toString('utf8') : decodeBytes(line, fallback));
    if (end < 0) break;
    start = end + 1;
  }
  return lines.join('\n');
}

/**
 * A value the parser read from raw 8-bit bytes as Latin-1 although they were
 * UTF-8 ("Ãœbersicht.pdf"): read again as UTF-8. Text that is not such a
 * misreading stays as it is.
 */
export function repairRawUtf8(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  return isValidUtf8(bytes) ? bytes.toString('utf8') : value;
}

/** The charset the mail names for its text (top-level Content-Type, else the first part naming one); ASCII and UTF-8 do not count. */
function declaredCharset(raw: Buffer): string | undefined {
  const head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  for (const match of head.matchAll(/\bcharset\s*=\s*["']?([\w.:+-]+)/gi)) {
    const charset = match[1].toLowerCase();
    if (!/^(utf-?8|us-?ascii|ascii)$/.test(charset)) return charset;
  }
  return undefined;
}

/** The first value of a header, case-insensitive. */
export function headerValue(headers: RawHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

// The encoded text may hold raw spaces (broken clients write "=?us-ascii?Q?ABC / 123?="); it never holds "?".
const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=/g;

/**
 * Decodes RFC 2047 encoded words. Adjacent words are joined without the
 * whitespace between them and decoded together when they share a charset, so a
 * multi-byte character split across two words survives.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  const pieces: { text?: string; charset?: string; bytes?: Buffer }[] = [];
  let last = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const previous = pieces[pieces.length - 1];
    const adjacent = previous?.bytes !== undefined && /^\s*$/.test(between);
    if (between && !adjacent) pieces.push({ text: between });
    const charset = match[1].split('*')[0].toLowerCase();
    const bytes = decodeWordBytes(match[2], match[3]);
    if (adjacent && previous.charset === charset) previous.bytes = Buffer.concat([previous.bytes!, bytes]);
    else pieces.push({ charset, bytes });
    last = match.index! + match[0].length;
  }
  pieces.push({ text: value.slice(last) });
  return pieces.map((piece) => (piece.bytes ? decodeBytes(piece.bytes, piece.charset) : piece.text)).join('');
}

function decodeWordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text.replace(/\s+/g, ''), 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '_') bytes.push(0x20);
    else if (char === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(char.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/** Postgres text and jsonb cannot hold U+0000; it carries no meaning in mail text anyway. */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}
