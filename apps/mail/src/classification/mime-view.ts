import { decodeBytes } from '../parsing/charset';
import { bodyOf, headerValue, RawHeader, readHeaders } from '../parsing/header-decoding';
import { ParsedMail } from '../parsing/parsed-mail';
import { decodeTransfer } from '../parsing/transfer-encoding';

/** One leaf of a MIME tree, decoded: its type, headers and text (for text and message/* status parts). */
export interface MimeLeaf {
  contentType: string;
  headers: RawHeader[];
  text: string;
  /** The leaf's bytes after transfer decoding. */
  content: Buffer;
  /** Set for a message/rfc822 leaf: the message inside, read the same way. */
  message?: MimeMessage;
}

export interface MimeMessage {
  headers: RawHeader[];
  leaves: MimeLeaf[];
}

const MAX_DEPTH = 4;
const MAX_LEAVES = 50;

/**
 * Reads a raw message (a returned or forwarded message/rfc822 attachment) into
 * its headers and decoded leaves. The parse use case does this for the mail
 * itself; classification needs it for messages inside the mail, synchronously
 * and without limits the outer mail was already checked against.
 */
export function readMimeMessage(raw: Buffer, depth = 0): MimeMessage {
  const headers = readHeaders(raw, { maxFields: 500 });
  const leaves: MimeLeaf[] = [];
  collectLeaves(headers, bodyOf(raw), depth, leaves);
  return { headers, leaves };
}

function collectLeaves(headers: RawHeader[], body: Buffer, depth: number, into: MimeLeaf[]): void {
  if (into.length >= MAX_LEAVES) return;
  const contentType = headerValue(headers, 'content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase() || 'text/plain';
  const content = decodeTransfer(body, headerValue(headers, 'content-transfer-encoding'));
  if (type.startsWith('multipart/')) {
    const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
    if (!boundary || depth >= MAX_DEPTH) return;
    for (const part of splitParts(content, boundary[1] ?? boundary[2])) {
      collectLeaves(readHeaders(part), bodyOf(part), depth + 1, into);
    }
    return;
  }
  const charset = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1];
  // Only text and message parts are read as text; images and documents are never looked into.
  const readable = type.startsWith('text/') || type.startsWith('message/');
  const leaf: MimeLeaf = { contentType: type, headers, text: readable ? decodeBytes(content, charset) : '', content };
  if ((type === 'message/rfc822' || type === 'message/global') && depth < MAX_DEPTH) leaf.message = readMimeMessage(content, depth + 1);
  into.push(leaf);
}

function splitParts(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delimiter = new RegExp(`^--${escapeRegExp(boundary)}(--)?[ \\t]*\\r?$`, 'm');
  const pieces = text.split(delimiter);
  const parts: Buffer[] = [];
  // split() with a capture group interleaves the group: [preamble, g, part, g, part, '--', epilogue].
  for (let i = 2; i < pieces.length; i += 2) {
    if (pieces[i - 1] === '--') break;
    parts.push(Buffer.from(pieces[i].replace(/^\r?\n/, ''), 'latin1'));
  }
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The attached message as a ParsedMail, as far as classification needs one:
 * sender, subject, headers, text (with status parts as text, as the parser
 * shows them), report parts and returned messages as attachments.
 */
export function asParsedMail(message: MimeMessage): ParsedMail {
  const header = (name: string) => headerValue(message.headers, name);
  const from = /<?([^\s<>"]+@[^\s<>"]+?)>?\s*$/.exec(header('from') ?? '');
  const name = /^\s*"?([^"<]*?)"?\s*</.exec(header('from') ?? '')?.[1];
  const contentType = header('content-type') ?? 'text/plain';
  const texts = message.leaves.filter((l) => l.contentType === 'text/plain' || /^message\/(global-)?delivery-status$/.test(l.contentType));
  const status = message.leaves.find((l) => /^message\/(global-)?(delivery-status|disposition-notification)$/.test(l.contentType));
  const returned = message.leaves.find((l) => /^(message\/(rfc822|global)|text\/rfc822-headers)$/.test(l.contentType));
  const isReport = /^\s*multipart\/report\b/i.test(contentType);
  return {
    headers: message.headers,
    subject: (header('subject') ?? '').replace(/\s+/g, ' ').trim(),
    ...(from ? { from: { address: from[1].toLowerCase(), ...(name ? { name } : {}) } } : {}),
    replyTo: [],
    to: [...(header('to') ?? '').matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((m) => ({ address: m[0].toLowerCase() })),
    cc: [],
    references: [],
    text: texts.map((l) => l.text).join('\n'),
    html: message.leaves.find((l) => l.contentType === 'text/html')?.text,
    attachments: message.leaves
      .filter((l) => !l.contentType.startsWith('text/plain') && l.contentType !== 'text/html')
      .map((l, i) => ({ filename: `part-${i + 1}`, contentType: l.contentType, size: l.content.length, sha256: '', content: l.content, inline: false })),
    contentType: contentType.split(';')[0].trim().toLowerCase(),
    ...(isReport
      ? {
          report: {
            reportType: (/report-type\s*=\s*"?([\w.-]+)"?/i.exec(contentType)?.[1] ?? '').toLowerCase(),
            ...(status ? { status: status.text } : {}),
            ...(returned ? { originalHeaders: readHeaders(returned.content) } : {}),
          },
        }
      : {}),
  };
}
