import { v7 as uuidv7 } from 'uuid';
import { normalizeMessageId } from '../parsing/message-ids';

/** References kept on outbound mail: the thread's first mail and the newest ones. */
const MAX_REFERENCES = 20;

/** A new Message-ID in our own domain (normalized, without angle brackets). */
export function newMessageId(domain: string): string {
  return `${uuidv7()}.d115@${domain}`;
}

/** The domain of an address (`115@rostock.de` → `rostock.de`). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** In-Reply-To and References for an answer to `inReplyTo` within the thread `references`. */
export function threadingHeaders(inReplyTo: string | undefined, references: string[] = []): { inReplyTo?: string; references: string[] } {
  const parent = normalizeMessageId(inReplyTo);
  const chain = [...references.map(normalizeMessageId), parent].filter((id): id is string => Boolean(id));
  const unique = [...new Set(chain)];
  const trimmed = unique.length > MAX_REFERENCES ? [unique[0], ...unique.slice(-(MAX_REFERENCES - 1))] : unique;
  return { ...(parent ? { inReplyTo: parent } : {}), references: trimmed };
}
