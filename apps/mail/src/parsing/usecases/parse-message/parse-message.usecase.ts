import { Inject, Injectable } from '@nestjs/common';
import { AddressObject, Attachment, simpleParser } from 'mailparser';
import { createHash } from 'node:crypto';
import { ENV } from '@d115/platform';
import { MailEnv } from '../../../config/mail.env';
import { BestEffortIconv } from '../../charset';
import { headerValue, RawHeader, readHeaders, startsWithHeader, withoutNul } from '../../header-decoding';
import { normalizeMessageId, parseMessageIdList } from '../../message-ids';
import { MailAddress, ParsedAttachment, ParsedMail, ParseOutcome } from '../../parsed-mail';
import { sanitizeMailHtml } from '../../html-sanitizer';
import { splitQuotedText } from '../../quoted-text';
import { extractReportParts } from '../../report-parts';

const MAX_HEADER_FIELDS = 1000;
const MAX_HEADER_VALUE = 64 * 1024;

/**
 * Turns a raw mail into a ParsedMail. Decoding problems never fail a mail (the
 * text degrades, the raw is kept); only a mail that is not a mail at all, or a
 * MIME structure beyond the configured limit, comes back as not parseable — it
 * then goes to quarantine.
 */
@Injectable()
export class ParseMessageUsecase {
  constructor(@Inject(ENV) private readonly env: Pick<MailEnv, 'MAIL_MAX_MIME_PARTS'>) {}

  async execute(raw: Buffer): Promise<ParseOutcome> {
    const headers = readHeaders(raw, { maxFields: MAX_HEADER_FIELDS, maxValueLength: MAX_HEADER_VALUE });
    if (!startsWithHeader(raw)) return { ok: false, reason: 'no header section: the data does not start with a header field', headers: [] };
    const parts = countMimeParts(raw);
    if (parts > this.env.MAIL_MAX_MIME_PARTS) {
      return { ok: false, reason: `too many MIME parts: ${parts} (MAIL_MAX_MIME_PARTS is ${this.env.MAIL_MAX_MIME_PARTS})`, headers };
    }
    try {
      return { ok: true, mail: await this.parse(raw, headers) };
    } catch (error) {
      return { ok: false, reason: `parser failed: ${(error as Error)?.message ?? String(error)}`, headers };
    }
  }

  private async parse(raw: Buffer, headers: RawHeader[]): Promise<ParsedMail> {
    // `Iconv` takes a decoder constructor at runtime; the typings describe an instance.
    const options = { Iconv: BestEffortIconv, keepCidLinks: true, skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true };
    const parsed = await simpleParser(raw, options as unknown as Parameters<typeof simpleParser>[1]);
    const fromHeader = headerValue(headers, 'from');
    const body = splitQuotedText(withoutNul(parsed.text ?? ''));
    const html = typeof parsed.html === 'string' && parsed.html.trim() ? withoutNul(sanitizeMailHtml(parsed.html)) : undefined;
    return {
      messageId: normalizeMessageId(headerValue(headers, 'message-id')),
      from: addresses(parsed.from, fromHeader)[0],
      replyTo: addresses(parsed.replyTo),
      to: addresses(parsed.to),
      cc: addresses(parsed.cc),
      subject: (headerValue(headers, 'subject') ?? '').replace(/\s+/g, ' ').trim(),
      date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined,
      headers,
      inReplyTo: parseMessageIdList(headerValue(headers, 'in-reply-to'))[0],
      references: parseMessageIdList(headerValue(headers, 'references')),
      text: body.text,
      quotedText: body.quoted,
      html,
      attachments: parsed.attachments.map((attachment, index) => toAttachment(attachment, index)),
      contentType: (headerValue(headers, 'content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase(),
      report: extractReportParts(raw, headers),
    };
  }
}

/** Content-Type header lines, a cheap upper bound of the MIME parts without parsing. */
function countMimeParts(raw: Buffer): number {
  const matches = raw.toString('latin1').match(/^content-type[ \t]*:/gim);
  return matches ? matches.length : 0;
}

function addresses(value: AddressObject | AddressObject[] | undefined, decodedHeader?: string): MailAddress[] {
  const objects = value ? (Array.isArray(value) ? value : [value]) : [];
  const flat = objects.flatMap((object) => object.value.flatMap((entry) => (entry.group ? entry.group : [entry])));
  return flat
    .filter((entry) => entry.address)
    .map((entry) => {
      let name = entry.name?.trim() || undefined;
      // Raw 8-bit names that the parser could not decode: take them from our own header decoding.
      if (name?.includes('\uFFFD') && decodedHeader) {
        const own = new RegExp(`^\\s*"?([^"<]*?)"?\\s*<\\s*${escapeRegExp(entry.address!)}\\s*>`, 'i').exec(decodedHeader)?.[1]?.trim();
        if (own) name = own;
      }
      return { address: withoutNul(entry.address!.toLowerCase()), ...(name ? { name: withoutNul(name) } : {}) };
    });
}

function toAttachment(attachment: Attachment, index: number): ParsedAttachment {
  const content = attachment.content ?? Buffer.alloc(0);
  return {
    filename: withoutNul(attachment.filename?.trim() || defaultName(attachment.contentType, index)),
    contentType: (attachment.contentType || 'application/octet-stream').toLowerCase(),
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
    contentId: attachment.cid?.replace(/^<|>$/g, '') || undefined,
    inline: attachment.contentDisposition === 'inline' || attachment.related === true,
  };
}

function defaultName(contentType: string, index: number): string {
  const extension: Record<string, string> = {
    'message/rfc822': 'eml',
    'text/rfc822-headers': 'txt',
    'message/delivery-status': 'txt',
    'message/disposition-notification': 'txt',
    'application/pdf': 'pdf',
    'image/png': 'png',
    'image/jpeg': 'jpg',
    'image/gif': 'gif',
    'text/plain': 'txt',
    'text/calendar': 'ics',
  };
  return `attachment-${index + 1}.${extension[(contentType || '').toLowerCase()] ?? 'bin'}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
