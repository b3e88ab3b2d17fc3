import { isEmail } from 'class-validator';
import { AttachmentDescriptorDto, MailAddressDto, MailClassification, MailMessageReceivedEvent, BounceDto } from '@d115/contracts';
import { AttachmentEntity } from '../attachments/entities/attachment.entity';
import { MailboxConfig } from '../mailboxes/entities/mailbox.config';
import { bracketed } from '../parsing/message-ids';
import { MailAddress, ParsedMail } from '../parsing/parsed-mail';
import { ThreadHint } from '../threading/thread-hint';

/** Limits that keep an event well below the NATS payload limit (1 MB by default); the full mail stays stored. */
export const EVENT_LIMITS = { text: 256 * 1024, html: 384 * 1024, quoted: 64 * 1024, headerValue: 8 * 1024, headers: 96 * 1024, references: 50 };

/** Stands in for a sender address that is missing or not an address (the contract requires one). */
export const UNKNOWN_SENDER = 'unknown-sender@invalid';

export interface ReceivedMessage {
  id: string;
  rfcMessageId: string;
  mailbox: MailboxConfig;
  source: 'smtp' | 'imap';
  mail: ParsedMail;
  attachments: AttachmentEntity[];
  classification: MailClassification;
  bounce?: BounceDto;
  hint?: ThreadHint;
  messageIdReused?: boolean;
}

/** The stored message as the `mail.message.received` contract describes it. */
export function toReceivedEvent(message: ReceivedMessage): MailMessageReceivedEvent {
  const { mail } = message;
  let truncated = false;
  const cut = (text: string, limit: number) => {
    if (text.length <= limit) return text;
    truncated = true;
    return text.slice(0, limit);
  };
  let headerBudget = EVENT_LIMITS.headers;
  const headers = [];
  for (const header of mail.headers) {
    const entry = { name: header.name.slice(0, 200), value: cut(header.value, EVENT_LIMITS.headerValue) };
    headerBudget -= entry.name.length + entry.value.length;
    if (headerBudget < 0) {
      truncated = true;
      break;
    }
    headers.push(entry);
  }
  const event: MailMessageReceivedEvent = {
    messageId: message.id,
    mailbox: message.mailbox.address,
    rfcMessageId: bracketed(message.rfcMessageId),
    from: address(mail.from) ?? { address: UNKNOWN_SENDER },
    ...(mail.replyTo.length ? { replyTo: addresses(mail.replyTo) } : {}),
    to: addresses(mail.to),
    ...(mail.cc.length ? { cc: addresses(mail.cc) } : {}),
    subject: mail.subject,
    ...(mail.date ? { date: mail.date.toISOString() } : {}),
    headers,
    text: cut(mail.text, EVENT_LIMITS.text),
    ...(mail.quotedText ? { quotedText: cut(mail.quotedText, EVENT_LIMITS.quoted) } : {}),
    ...(mail.html ? { html: cut(mail.html, EVENT_LIMITS.html) } : {}),
    attachments: message.attachments.map(descriptor),
    classification: message.classification,
    ...(message.hint ? { threadHint: { ...message.hint } } : {}),
    ...(message.bounce ? { bounce: message.bounce } : {}),
    ...(message.mailbox.ars ? { ars: message.mailbox.ars } : {}),
    ...(message.mailbox.queueHint ? { queueHint: message.mailbox.queueHint } : {}),
    source: message.source,
    ...(mail.inReplyTo ? { inReplyTo: bracketed(mail.inReplyTo) } : {}),
    ...(mail.references.length ? { references: mail.references.slice(-EVENT_LIMITS.references).map(bracketed) } : {}),
    ...(message.messageIdReused ? { messageIdReused: true } : {}),
  };
  return truncated ? { ...event, truncated } : event;
}

function address(value: MailAddress | undefined): MailAddressDto | undefined {
  if (!value || value.address.length > 320 || !isEmail(value.address, { require_tld: false, allow_display_name: false })) return undefined;
  return { address: value.address, ...(value.name ? { name: value.name.slice(0, 300) } : {}) };
}

function addresses(values: MailAddress[]): MailAddressDto[] {
  return values.map(address).filter((a): a is MailAddressDto => a !== undefined);
}

function descriptor(row: AttachmentEntity): AttachmentDescriptorDto {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    ...(row.contentId ? { contentId: row.contentId } : {}),
  };
}
