/**
 * CSTA XML over TCP (ECMA-323 annex / ECMA TR/88 practice, as OpenScape/HiPath, Avaya AES,
 * Mitel, Alcatel and others speak it): every message is one frame
 *
 *   0x00 0x00 | length (2 bytes, big-endian) | [invoke id: 4 ASCII characters] | XML document
 *
 * where the length counts the whole frame including the 4-byte header. The invoke id pairs
 * a response with its request; servers put one on events too (Siemens: 9999). A few servers
 * count the length without the header, and some send bare XML documents separated by a NUL
 * byte; the reader copes with both.
 */
export interface CstaFrame {
  invokeId?: string;
  xml: string;
}

export const FRAME_HEADER_BYTES = 4;
export const INVOKE_ID_BYTES = 4;
export const MAX_FRAME_BYTES = 0xffff;

/** One frame for a request or response the adapter sends. */
export function encodeCstaFrame(xml: string, invokeId?: string): Buffer {
  if (invokeId !== undefined && !/^\d{4}$/.test(invokeId)) throw new Error(`CSTA invoke id must be 4 digits, got "${invokeId}"`);
  const body = Buffer.from(xml, 'utf8');
  const prefix = FRAME_HEADER_BYTES + (invokeId ? INVOKE_ID_BYTES : 0);
  const length = prefix + body.length;
  if (length > MAX_FRAME_BYTES) throw new Error(`CSTA message of ${length} bytes exceeds the 64 KiB frame`);
  const frame = Buffer.alloc(length);
  frame.writeUInt16BE(0, 0);
  frame.writeUInt16BE(length, 2);
  if (invokeId) frame.write(invokeId, FRAME_HEADER_BYTES, 'ascii');
  body.copy(frame, prefix);
  return frame;
}

/** Invoke ids 0001 … 9998, round and round (9999 is what servers use for events). */
export class InvokeIds {
  private last = 0;

  next(): string {
    this.last = (this.last % 9998) + 1;
    return String(this.last).padStart(4, '0');
  }
}
