import iconv from 'iconv-lite';
import { Transform, TransformCallback } from 'node:stream';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes bytes in the named charset, best-effort and never failing: a label
 * the platform does not know is guessed (UTF-8 when the bytes are valid UTF-8,
 * else windows-1252, the usual truth behind "iso-8859-1" and unlabelled 8-bit
 * mail), and undecodable bytes become U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array, label: string | undefined): string {
  const charset = (label ?? '')
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (charset && !/^(utf-?8|us-?ascii|ascii)$/.test(charset)) {
    const decoder = decoderFor(charset);
    if (decoder) return decoder.decode(bytes);
  }
  if (isValidUtf8(bytes)) return strictUtf8.decode(bytes);
  // Declared UTF-8 (or nothing) but not UTF-8: mostly Latin-1/windows-1252 in practice —
  // unless it is UTF-8 with a few broken bytes, which keeps its characters and loses only those.
  if (!/^utf-?8$/.test(charset) && !mostlyUtf8(bytes)) return windows1252.decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** More well-formed UTF-8 multi-byte sequences than stray 8-bit bytes. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let sequences = 0;
  let stray = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte < 0x80) continue;
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k] & 0xc0) === 0x80;
    if (valid) {
      sequences++;
      i += length - 1;
    } else stray++;
  }
  return sequences > stray;
}

// GB2312 mail is GBK (or GB18030) in practice: decode with the superset, as mail clients do.
const ALIASES: Record<string, string> = {
  'ks_c_5601-1987': 'euc-kr',
  'iso-8859-8-i': 'iso-8859-8',
  gb2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
};

interface Decoder {
  decode(bytes: Uint8Array): string;
}

/**
 * windows-1252, done by hand: Node's TextDecoder decodes 0x80–0x9F of every
 * Latin-1 label as C1 control characters instead of €, „, “, – and friends.
 */
const windows1252: Decoder = {
  decode(bytes: Uint8Array): string {
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const chunk = bytes.subarray(i, i + 8192);
      text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : byte)));
    }
    return text;
  },
};

// 0x80–0x9F of windows-1252; undefined positions stay as they are.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * The platform's decoder for a label (WHATWG labels: the CJK, Cyrillic and
 * Central European charsets included), else iconv-lite's (UTF-7, IBM and
 * Mac code pages and other labels the platform does not know).
 */
function decoderFor(charset: string): Decoder | undefined {
  const label = ALIASES[charset] ?? charset;
  try {
    const decoder = new TextDecoder(label);
    return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
  } catch {
    return iconv.encodingExists(label) ? { decode: (bytes) => iconv.decode(Buffer.from(bytes), label) } : undefined;
  }
}

/**
 * Drop-in for the `Iconv` constructor mailparser accepts: body parts in a
 * charset other than UTF-8/ASCII are collected and decoded with decodeBytes,
 * so an unknown or wrong charset label degrades the text instead of failing.
 */
export class BestEffortIconv extends Transform {
  private readonly chunks: Buffer[] = [];

  constructor(private readonly charset: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    this.push(Buffer.from(decodeBytes(Buffer.concat(this.chunks), this.charset), 'utf8'));
    done();
  }
}
