import { createHash } from 'node:crypto';
import { bodyOf, RawHeader, headerValue } from './header-decoding';

/** The Message-ID without angle brackets and whitespace (the form used for matching). */
export function normalizeMessageId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /<([^<>\s]+)>/.exec(value);
  const id = (match ? match[1] : value).trim().replace(/^<|>$/g, '');
  return id && !/\s/.test(id) ? id : undefined;
}

/** All Message-IDs in a References/In-Reply-To value, in order, without duplicates. */
export function parseMessageIdList(value: string | undefined): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  const list = ids.length ? ids : value.split(/[\s,]+/).filter((token) => token.includes('@'));
  return [...new Set(list)];
}

/** The angle-bracket form of a normalized id. */
export function bracketed(id: string): string {
  return `<${id}>`;
}

/**
 * A stable id for a mail without Message-ID: a hash over what every copy of it
 * shares (originator fields, subject, date and body), not over trace headers
 * (Received, Delivered-To) that differ between an SMTP and an IMAP copy.
 */
export function contentHashId(raw: Buffer, headers: RawHeader[]): string {
  return `${contentHash(raw, headers)}@content-hash.d115.invalid`;
}

/** The SHA-256 (hex) behind contentHashId: what makes two copies the same mail. */
export function contentHash(raw: Buffer, headers: RawHeader[]): string {
  const hash = createHash('sha256');
  if (headers.length === 0) return hash.update(raw).digest('hex');
  for (const name of ['from', 'sender', 'to', 'cc', 'date', 'subject']) hash.update(`${name}:${headerValue(headers, name) ?? ''}\n`);
  hash.update(withoutTrailingSpace(bodyOf(raw).toString('latin1').replace(/\r\n/g, '\n')));
  return hash.digest('hex');
}

/**
 * The text without trailing whitespace (what /\s+$/ removes from Latin-1 text:
 * tab, line breaks, space, no-break space), in linear time whatever the body —
 * the regular expression backtracks on long runs of whitespace.
 */
function withoutTrailingSpace(text: string): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (!((code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0)) break;
    end--;
  }
  return text.slice(0, end);
}

export interface MessageIdentity {
  /** The Message-ID, or the content hash id when the mail has none (or one too long to be real). */
  rfcMessageId: string;
  fromHeader: boolean;
  /** SHA-256 of the content (Received and other trace headers left out). */
  contentHash: string;
}

/**
 * The identity a mail is stored and deduplicated under: its Message-ID
 * together with its content hash (a different mail that reuses a Message-ID is
 * another mail), or the content hash alone when it has no Message-ID.
 */
export function messageIdentity(raw: Buffer, headers: RawHeader[]): MessageIdentity {
  const hash = contentHash(raw, headers);
  const id = normalizeMessageId(headerValue(headers, 'message-id'));
  if (id && id.length <= 900) return { rfcMessageId: id, fromHeader: true, contentHash: hash };
  return { rfcMessageId: `${hash}@content-hash.d115.invalid`, fromHeader: false, contentHash: hash };
}

/**
 * The dedupe key of a mail whose Message-ID is already taken in the mailbox by
 * a mail with other content: Message-ID, space, content hash. A Message-ID
 * never contains a space, so the key cannot collide with a real one.
 */
export function reusedMessageIdKey(rfcMessageId: string, hash: string): string {
  return `${rfcMessageId} ${hash}`;
}

/** The Message-ID part of a dedupe key (see reusedMessageIdKey). */
export function rfcMessageIdOfKey(dedupeKey: string): string {
  return dedupeKey.split(' ')[0];
}
