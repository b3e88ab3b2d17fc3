import { isValidUtf8 } from './charset';
import { decodeTransfer } from './transfer-encoding';

/** The label BestEffortIconv gets for text whose charset is missing or claims UTF-8/ASCII: decodeBytes then guesses. */
export const GUESS_CHARSET = 'x-d115-guess';

const MAX_DEPTH = 20;
const CLAIMS_UTF8_OR_ASCII = /^(utf-?8|us-?ascii|ascii|ansi_x3\.4-1968)$/i;

/**
 * A copy of the mail for the MIME parser, with the header sections of text
 * parts adjusted where the parser would read them differently from what
 * mail clients mean:
 * - a text part that names no charset, or UTF-8 or US-ASCII, but is not valid
 *   UTF-8 names GUESS_CHARSET instead (the parser would turn its 8-bit bytes
 *   into U+FFFD; with the label they go through decodeBytes: mostly UTF-8 stays
 *   UTF-8, else windows-1252 — old clients send 8-bit Latin-1 unlabelled,
 *   broken ones label it UTF-8);
 * - a text part of a multipart/mixed, after its first part (the body), that has
 *   a file name is an attachment, also when it is marked inline (Apple Mail
 *   attaches files so), as helpdesks see it.
 * Bodies, attached mails and all other parts stay byte for byte; a mail that
 * needs neither is returned as it is.
 */
export function forParser(raw: Buffer): Buffer {
  return relabel(raw, { depth: 0, mayBeAttachment: false });
}

/** Where a part sits: named text parts are attachments only in multipart/mixed, after its first part (the body). */
interface Place {
  depth: number;
  mayBeAttachment: boolean;
}

function relabel(entity: Buffer, { depth, mayBeAttachment }: Place): Buffer {
  if (depth > MAX_DEPTH) return entity;
  const end = headerEnd(entity);
  if (end <= 0) return entity;
  const head = entity.subarray(0, end).toString('latin1');
  const contentType = fieldValue(head, 'content-type');
  const type = (contentType ?? 'text/plain').split(';')[0].trim().toLowerCase();
  // A part without Content-Type takes its type from its parent or its file name: only the mail itself gets one added.
  if (type.startsWith('text/') && (contentType !== undefined || depth === 0)) {
    const eol = entity[end] === 0x0d ? '\r\n' : '\n';
    let adjusted = mayBeAttachment ? asAttachmentWhenNamed(head, contentType, eol) : head;
    // Valid UTF-8 decodes the same either way: only text that is not gets the label.
    if (!isValidUtf8(decodeTransfer(entity.subarray(end), fieldValue(head, 'content-transfer-encoding'))))
      adjusted = withGuessLabel(adjusted, contentType, eol);
    return adjusted === head ? entity : Buffer.concat([Buffer.from(adjusted, 'latin1'), entity.subarray(end)]);
  }
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? '');
  if (!type.startsWith('multipart/') || !boundary) return entity;
  return relabelParts(entity, end, Buffer.from(`--${boundary[1] ?? boundary[2]}`, 'latin1'), depth, type === 'multipart/mixed');
}

/** The parts between the delimiter lines, each relabelled; everything else as it was. */
function relabelParts(entity: Buffer, from: number, delimiter: Buffer, depth: number, mixed: boolean): Buffer {
  const pieces: Buffer[] = [];
  let copied = 0;
  let changed = false;
  let at = delimiterLine(entity, delimiter, from);
  for (let index = 0; at >= 0; index++) {
    const lineEnd = entity.indexOf(0x0a, at);
    if (lineEnd < 0) break;
    const start = lineEnd + 1;
    const next = delimiterLine(entity, delimiter, start);
    const stop = next < 0 ? entity.length : next;
    const part = entity.subarray(start, stop);
    const relabelled = relabel(part, { depth: depth + 1, mayBeAttachment: mixed && index > 0 });
    if (relabelled !== part) {
      pieces.push(entity.subarray(copied, start), relabelled);
      copied = stop;
      changed = true;
    }
    if (next < 0 || entity[next + delimiter.length] === 0x2d) break;
    at = next;
  }
  if (!changed) return entity;
  pieces.push(entity.subarray(copied));
  return Buffer.concat(pieces);
}

/** Where the next line starting with the delimiter starts, from `from` on; -1 if none. */
function delimiterLine(entity: Buffer, delimiter: Buffer, from: number): number {
  for (let at = entity.indexOf(delimiter, from); at >= 0; at = entity.indexOf(delimiter, at + 1)) {
    if (at === 0 || entity[at - 1] === 0x0a) return at;
  }
  return -1;
}

function headerEnd(entity: Buffer): number {
  const crlf = entity.indexOf('\r\n\r\n');
  const lf = entity.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : -1;
}

/** The unfolded value of the first field with that name. */
function fieldValue(head: string, name: string): string | undefined {
  const match = new RegExp(`^${name}[ \\t]*:([^\\n]*(?:\\n[ \\t][^\\n]*)*)`, 'im').exec(head);
  return match ? match[1].replace(/\r?\n[ \t]/g, ' ').trim() : undefined;
}

/** The header section with Content-Disposition attachment when the part names a file and is not one already. */
function asAttachmentWhenNamed(head: string, contentType: string | undefined, eol: string): string {
  const disposition = fieldValue(head, 'content-disposition');
  const named = /(^|;)\s*(file)?name\*?(\*\d+)?\*?\s*=/i;
  if (!named.test(contentType ?? '') && !named.test(disposition ?? '')) return head;
  if (disposition === undefined) return `${head}${eol}Content-Disposition: attachment`;
  if (/^\s*attachment\b/i.test(disposition)) return head;
  return head.replace(/^(content-disposition[ \t]*:[ \t]*)[^;\r\n]*/im, '$1attachment');
}

/** The header section with the guess label in its Content-Type (added when there is none). */
function withGuessLabel(head: string, contentType: string | undefined, eol: string): string {
  if (contentType === undefined) return `${head}${eol}Content-Type: text/plain; charset=${GUESS_CHARSET}`;
  const charset = /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]*))/i.exec(contentType);
  const label = charset ? (charset[1] ?? charset[2] ?? '') : undefined;
  if (label !== undefined && label !== '' && !CLAIMS_UTF8_OR_ASCII.test(label)) return head;
  const field = new RegExp(`^content-type[ \\t]*:[^\\n]*(?:\\n[ \\t][^\\n]*)*`, 'im').exec(head)!;
  const original = field[0].replace(/\r$/, '');
  const replaced =
    label === undefined ? `${original}; charset=${GUESS_CHARSET}` : original.replace(/(charset\s*=\s*)(?:"[^"]*"|[^\s;]*)/i, `$1${GUESS_CHARSET}`);
  return head.slice(0, field.index) + replaced + head.slice(field.index + original.length);
}
