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
  const hash = createHash('sha256');
  if (headers.length === 0) return `${hash.update(raw).digest('hex')}@content-hash.d115.invalid`;
  for (const name of ['from', 'sender', 'to', 'cc', 'date', 'subject']) hash.update(`${name}:${headerValue(headers, name) ?? ''}\n`);
  hash.update(bodyOf(raw).toString('latin1').replace(/\r\n/g, '\n').replace(/\s+$/, ''));
  return `${hash.digest('hex')}@content-hash.d115.invalid`;
}

/**
 * The identity a mail is stored and deduplicated under: its Message-ID, or the
 * content hash when it has none (or one too long to be real).
 */
export function messageIdentity(raw: Buffer, headers: RawHeader[]): { rfcMessageId: string; fromHeader: boolean } {
  const id = normalizeMessageId(headerValue(headers, 'message-id'));
  if (id && id.length <= 900) return { rfcMessageId: id, fromHeader: true };
  return { rfcMessageId: contentHashId(raw, headers), fromHeader: false };
}
