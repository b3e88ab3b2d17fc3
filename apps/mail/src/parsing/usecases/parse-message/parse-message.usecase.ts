import { Inject, Injectable } from '@nestjs/common';
import { Attachment, simpleParser } from 'mailparser';
import { createHash } from 'node:crypto';
import { ENV } from '@d115/platform';
import { MailEnv } from '../../../config/mail.env';
import { addressesOf, senderOf } from '../../addresses';
import { attachmentName, uniqueNames, UnnamedPart } from '../../attachment-names';
import { BestEffortIconv } from '../../charset';
import { decodeFields, headerValue, RawHeader, readUndecodedHeaders, startsWithHeader, withoutNul, withoutPreamble } from '../../header-decoding';
import { htmlToText } from '../../html-text';
import { normalizeMessageId, parseMessageIdList } from '../../message-ids';
import { ParsedAttachment, ParsedMail, ParseOutcome } from '../../parsed-mail';
import { forParser } from '../../parser-input';
import { sanitizeMailHtml } from '../../html-sanitizer';
import { splitQuotedText } from '../../quoted-text';
import { extractReportParts } from '../../report-parts';
import { decodeUuencodedPart, extractUuencoded } from '../../uuencoded';

const MAX_HEADER_FIELDS = 1000;
const MAX_HEADER_VALUE = 64 * 1024;

/**
 * Turns a raw mail into a ParsedMail. Decoding problems never fail a mail (the
 * text degrades, the raw is kept); only a mail that is not a mail at all, or a
 * MIME structure beyond the configured limit, comes back as not parseable — it
 * then goes to quarantine. A line before the header section (an mbox "From "
 * line, the title of an export) is skipped when a header section follows.
 */
@Injectable()
export class ParseMessageUsecase {
  constructor(@Inject(ENV) private readonly env: Pick<MailEnv, 'MAIL_MAX_MIME_PARTS'>) {}

  async execute(received: Buffer): Promise<ParseOutcome> {
    const raw = withoutPreamble(received);
    const fields = readUndecodedHeaders(raw, MAX_HEADER_FIELDS);
    const headers = decodeFields(fields, MAX_HEADER_VALUE);
    if (!startsWithHeader(raw)) return { ok: false, reason: 'no header section: the data does not start with a header field', headers: [] };
    const parts = countMimeParts(raw);
    if (parts > this.env.MAIL_MAX_MIME_PARTS) {
      return { ok: false, reason: `too many MIME parts: ${parts} (MAIL_MAX_MIME_PARTS is ${this.env.MAIL_MAX_MIME_PARTS})`, headers };
    }
    try {
      return { ok: true, mail: await this.parse(raw, fields, headers) };
    } catch (error) {
      return { ok: false, reason: `parser failed: ${(error as Error)?.message ?? String(error)}`, headers };
    }
  }

  private async parse(raw: Buffer, fields: RawHeader[], headers: RawHeader[]): Promise<ParsedMail> {
    // `Iconv` takes a decoder constructor at runtime; the typings describe an instance.
    // Delivery-status parts and attached mails stay attachments (ignoreEmbedded: also those marked inline).
    const options = {
      Iconv: BestEffortIconv,
      keepCidLinks: true,
      skipImageLinks: true,
      skipTextLinks: true,
      skipTextToHtml: true,
      keepDeliveryStatus: true,
      ignoreEmbedded: true,
      skipHtmlToText: true,
    };
    const parsed = await simpleParser(forParser(raw), options as unknown as Parameters<typeof simpleParser>[1]);
    const rawHtml = typeof parsed.html === 'string' && parsed.html.trim() ? parsed.html : undefined;
    const uuencoded = extractUuencoded(withoutNul(parsed.text ?? ''));
    const attachments = [...parsed.attachments.map(toPart), ...uuencoded.files.map((file) => ({ ...file, inline: false }))];
    const text = bodyText(uuencoded.text, rawHtml, headers, attachments);
    const body = splitQuotedText(text);
    const names = uniqueNames(attachments.map(attachmentName));
    return {
      messageId: normalizeMessageId(headerValue(headers, 'message-id')),
      from: senderOf(fields),
      replyTo: addressesOf(fields, 'reply-to'),
      to: addressesOf(fields, 'to'),
      cc: addressesOf(fields, 'cc'),
      subject: (headerValue(headers, 'subject') ?? '').replace(/\s+/g, ' ').trim(),
      date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined,
      headers,
      inReplyTo: parseMessageIdList(headerValue(headers, 'in-reply-to'))[0],
      references: parseMessageIdList(headerValue(headers, 'references')),
      text: body.text,
      quotedText: body.quoted,
      html: rawHtml ? withoutNul(sanitizeMailHtml(rawHtml)) : undefined,
      attachments: attachments.map((part, index) => toAttachment(part, names[index])),
      contentType: (headerValue(headers, 'content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase(),
      report: extractReportParts(raw, headers),
    };
  }
}

interface Part extends UnnamedPart {
  inline: boolean;
  contentIdValue?: string;
}

/**
 * The text of the mail: the text part; when there is none (or it is blank, or
 * a stub a third the length of the HTML), the text of the HTML part (Lotus
 * Notes and many web forms send HTML only);
 * for a PGP/MIME encrypted mail, which has neither, the armored message — it
 * is what the mail says, and a case must not open empty.
 */
function bodyText(text: string, html: string | undefined, headers: RawHeader[], parts: Part[]): string {
  const words = (value: string) => value.split(/\s+/).filter(Boolean).length;
  if (text.trim() && (!html || words(text) >= STUB_WORDS || words(text) * 3 >= words(roughText(html)))) return text;
  const fromHtml = html ? withoutNul(htmlToText(html)) : '';
  if (!text.trim()) return fromHtml || pgpArmor(headers, parts) || text;
  // A text part that is only a stub ("please use an HTML mail client") next to the real HTML.
  return words(fromHtml) >= 20 && words(text) * 3 < words(fromHtml) ? fromHtml : text;
}

/** The words of an HTML body, roughly and cheaply: enough to tell whether the text part may be a stub. */
function roughText(html: string): string {
  return html.replace(/<(style|script|head)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

/** A text part this long is the text, whatever the HTML says. */
const STUB_WORDS = 100;

/** The armored message of a PGP/MIME encrypted mail. */
function pgpArmor(headers: RawHeader[], parts: Part[]): string | undefined {
  if (!/^\s*multipart\/encrypted/i.test(headerValue(headers, 'content-type') ?? '')) return undefined;
  return parts
    .map((part) => part.content.toString('latin1'))
    .find((content) => content.includes('-----BEGIN PGP MESSAGE-----'))
    ?.trim();
}

function toPart(attachment: Attachment): Part {
  const header = (name: string) => {
    const value = attachment.headers.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const content = attachment.content ?? Buffer.alloc(0);
  return {
    filename: attachment.filename,
    contentType: (attachment.contentType || 'application/octet-stream').toLowerCase(),
    description: header('content-description'),
    location: header('content-location'),
    contentId: attachment.contentId,
    contentIdValue: attachment.cid,
    // The parser passes transfer encodings it does not know through as they are; uuencoding is one still in use.
    content: /^\s*(x-)?uu(encode|e)?\s*$/i.test(header('content-transfer-encoding') ?? '') ? decodeUuencodedPart(content) : content,
    inline: attachment.contentDisposition === 'inline' || attachment.related === true,
  };
}

function toAttachment(part: Part, filename: string): ParsedAttachment {
  return {
    filename: withoutNul(filename),
    contentType: part.contentType,
    size: part.content.length,
    sha256: createHash('sha256').update(part.content).digest('hex'),
    content: part.content,
    contentId: part.contentIdValue?.replace(/^<|>$/g, '') || undefined,
    inline: part.inline,
  };
}

/** Content-Type header lines, a cheap upper bound of the MIME parts without parsing. */
function countMimeParts(raw: Buffer): number {
  const matches = raw.toString('latin1').match(/^content-type[ \t]*:/gim);
  return matches ? matches.length : 0;
}
