import { CstaErrorCode } from '@d115/contracts';
import { CstaFrame, FRAME_HEADER_BYTES, INVOKE_ID_BYTES } from './csta-frame';

export interface FrameWarning {
  code: CstaErrorCode.FRAME_INVALID;
  message: string;
  /** Bytes dropped to get back in step. */
  skipped: number;
}

const NUL = 0x00;
const LT = 0x3c;
const GT = 0x3e;
/** Unframed documents longer than this without an end are garbage. */
const MAX_UNFRAMED_BYTES = 1 << 20;

/**
 * Cuts a TCP byte stream into CSTA frames (see `csta-frame.ts`). Tolerant by design: frames
 * split across chunks or several per chunk, a length that counts without the header (detected
 * once per connection), a length that overruns into the next frame (XML never holds a NUL, so
 * a NUL inside a body marks the next header), bare XML documents, and garbage, which is
 * skipped up to the next plausible frame with a warning. Never throws.
 */
export class CstaFrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** How this server counts the length; decided on its first frame. */
  private lengthIncludesHeader?: boolean;
  /** Once a server sent a framed message, bare XML from it is the rest of a broken frame, not a document. */
  private framedStream = false;

  constructor(private readonly warn: (warning: FrameWarning) => void) {}

  push(chunk: Buffer): CstaFrame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: CstaFrame[] = [];
    for (;;) {
      const next = this.next();
      if (next === 'wait') break;
      if (next) frames.push(next);
    }
    return frames;
  }

  /** Bytes held for an incomplete frame (for tests and diagnostics). */
  get pending(): number {
    return this.buffer.length;
  }

  /** The next frame, undefined after skipping something, or 'wait' for more bytes. */
  private next(): CstaFrame | undefined | 'wait' {
    const b = this.buffer;
    if (b.length === 0) return 'wait';
    if (b[0] === NUL && b.length === 1) return 'wait';
    if (b[0] === NUL && b[1] === NUL) return this.framed();
    if (this.framedStream) return this.resync();
    const starts = startsDocument(b);
    if (starts === undefined) return 'wait';
    if (starts) return this.unframed();
    if (b[0] === NUL || isSpace(b[0])) return this.skip(1, false);
    return this.resync();
  }

  private framed(): CstaFrame | undefined | 'wait' {
    const b = this.buffer;
    if (b.length < FRAME_HEADER_BYTES) return 'wait';
    const length = b.readUInt16BE(2);
    if (length <= FRAME_HEADER_BYTES) return this.resync(`frame length ${length} is shorter than its header`);
    let bodyStart = FRAME_HEADER_BYTES;
    if (b.length <= bodyStart) return 'wait';
    if (b[bodyStart] !== LT && !isSpace(b[bodyStart]) && b[bodyStart] !== 0xef) {
      if (b.length <= FRAME_HEADER_BYTES + INVOKE_ID_BYTES) return 'wait';
      if (!hasInvokeId(b)) return this.resync('frame invoke id is not 4 ASCII characters');
      bodyStart += INVOKE_ID_BYTES;
    }
    const starts = startsDocument(b.subarray(bodyStart));
    if (starts === undefined) return 'wait';
    if (!starts) return this.resync('frame body does not start an XML document');

    // A NUL inside the body: the length overran the next frame's header.
    const nul = b.indexOf(NUL, bodyStart);
    const total = this.total(length, bodyStart);
    if (total === 'wait') return nul >= 0 ? this.cut(bodyStart, nul, length) : 'wait';
    if (nul >= 0 && nul < total) return this.cut(bodyStart, nul, length);
    return this.take(bodyStart, total);
  }

  /** The frame's size in bytes, deciding on the first frame whether the length counts the header. */
  private total(length: number, bodyStart: number): number | 'wait' {
    const b = this.buffer;
    if (this.lengthIncludesHeader === true) return b.length >= length ? length : 'wait';
    if (this.lengthIncludesHeader === false) return b.length >= length + FRAME_HEADER_BYTES ? length + FRAME_HEADER_BYTES : 'wait';
    if (b.length < length) return 'wait';
    if (endsDocument(b.subarray(bodyStart, length))) {
      this.lengthIncludesHeader = true;
      return length;
    }
    if (b.length < length + FRAME_HEADER_BYTES) return 'wait';
    this.lengthIncludesHeader = !endsDocument(b.subarray(bodyStart, length + FRAME_HEADER_BYTES));
    return this.lengthIncludesHeader ? length : length + FRAME_HEADER_BYTES;
  }

  private cut(bodyStart: number, nul: number, length: number): CstaFrame {
    this.warn({ code: CstaErrorCode.FRAME_INVALID, message: `frame length ${length} overruns the next frame; cut at byte ${nul}`, skipped: 0 });
    return this.take(bodyStart, nul);
  }

  private take(bodyStart: number, end: number): CstaFrame {
    const b = this.buffer;
    this.framedStream = true;
    const invokeId = bodyStart > FRAME_HEADER_BYTES ? b.toString('ascii', FRAME_HEADER_BYTES, bodyStart) : undefined;
    const xml = b.toString('utf8', bodyStart, end);
    this.buffer = b.subarray(end);
    return invokeId ? { invokeId, xml } : { xml };
  }

  /** A bare XML document: up to a NUL, or up to the close of its root element. */
  private unframed(): CstaFrame | undefined | 'wait' {
    const b = this.buffer;
    const nul = b.indexOf(NUL);
    const closed = documentEnd(b);
    const end = nul >= 0 && (closed === undefined || nul < closed) ? nul : closed;
    if (end === undefined) {
      if (b.length <= MAX_UNFRAMED_BYTES) return 'wait';
      return this.skip(b.length, true, `unframed XML of over ${MAX_UNFRAMED_BYTES} bytes without an end`);
    }
    const xml = b.toString('utf8', 0, end);
    this.buffer = b.subarray(end);
    return xml.trim() ? { xml } : undefined;
  }

  /** Drops bytes up to the next plausible frame header or document start. */
  private resync(reason = 'garbage between frames'): undefined | 'wait' {
    const b = this.buffer;
    for (let i = 1; i < b.length; i++) {
      if (b[i] === NUL && plausibleHeaderAt(b, i)) return this.skip(i, true, reason);
      if (b[i] === LT && !this.framedStream) return this.skip(i, true, reason);
    }
    // Keep a trailing NUL: it may begin the next header.
    return this.skip(b[b.length - 1] === NUL ? b.length - 1 : b.length, true, reason);
  }

  private skip(count: number, warn: boolean, reason = ''): undefined | 'wait' {
    if (warn) this.warn({ code: CstaErrorCode.FRAME_INVALID, message: `${reason}; skipped ${count} bytes`, skipped: count });
    this.buffer = this.buffer.subarray(count);
    return count === 0 ? 'wait' : undefined;
  }
}

/** Whether a frame header may start at `i`: two NULs, a length beyond the header, then a body or invoke id (or not yet there). */
function plausibleHeaderAt(b: Buffer, i: number): boolean {
  if (i + 1 < b.length && b[i + 1] !== NUL) return false;
  if (i + FRAME_HEADER_BYTES > b.length) return true;
  if (b.readUInt16BE(i + 2) <= FRAME_HEADER_BYTES) return false;
  const next = b[i + FRAME_HEADER_BYTES];
  return next === undefined || (next > 0x20 && next < 0x7f) || isSpace(next) || next === 0xef;
}

/** Four printable ASCII characters (digits on most servers; some use letters or hex). */
function hasInvokeId(b: Buffer): boolean {
  for (let i = FRAME_HEADER_BYTES; i < FRAME_HEADER_BYTES + INVOKE_ID_BYTES; i++) if (b[i] <= 0x20 || b[i] >= 0x7f || b[i] === LT) return false;
  return true;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** `<` possibly after whitespace or a UTF-8 byte order mark; undefined while only those have arrived. */
function startsDocument(b: Buffer): boolean | undefined {
  let i = 0;
  if (b[0] === 0xef) {
    if (b.length < 3) return undefined;
    if (b[1] === 0xbb && b[2] === 0xbf) i = 3;
  }
  while (i < b.length && isSpace(b[i])) i++;
  return i < b.length ? b[i] === LT : undefined;
}

function endsDocument(b: Buffer): boolean {
  let i = b.length - 1;
  while (i >= 0 && isSpace(b[i])) i--;
  return i >= 0 && b[i] === GT;
}

/** Where a bare document ends: after `</Root>` (any prefix) or a self-closed root, if it is all there. */
function documentEnd(b: Buffer): number | undefined {
  const text = b.toString('latin1');
  const root = /<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length)));
  if (!root) return undefined;
  if (root[2] === '/') return root.index + root[0].length;
  const close = text.indexOf(`</${root[1]}`, root.index);
  if (close < 0) return undefined;
  const gt = text.indexOf('>', close);
  return gt < 0 ? undefined : gt + 1;
}
