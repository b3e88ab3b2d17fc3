import { headerValue, RawHeader, readHeaders } from '../parsing/header-decoding';
import { ParsedMail } from '../parsing/parsed-mail';
import { textBeforeForward } from '../parsing/quoted-text';
import { DeliveryStatus, parseDeliveryStatus, parseInlineDeliveryStatus } from './delivery-status';
import { MimeMessage, readMimeMessage } from './mime-view';

export interface ClassifyContext {
  /** Envelope sender; '' is the null sender `<>` of bounces and auto-replies. undefined when unknown (IMAP). */
  envelopeFrom?: string;
  /** True for addresses of our own mailboxes: a mail from them is our own mail coming back. */
  isOwnAddress: (address: string) => boolean;
}

/** A delivery status found in the mail, and where. */
export interface FoundStatus {
  where: string;
  /** True when read from the text: a DSN part the parser showed as text, or one a person pasted. */
  inText?: boolean;
  status: DeliveryStatus;
}

/**
 * Everything the rules look at, read once from the parsed mail: sender,
 * headers, subject, the whole body text, the machine-readable report parts
 * wherever they sit (top level, attachments, inside a forwarded message) and
 * the headers of the message a bounce returns.
 */
export interface MailEvidence {
  mail: ParsedMail;
  context: ClassifyContext;
  fromAddress: string;
  fromName: string;
  subject: string;
  /** Text, quoted history and (without a text part) the HTML as text: the whole body as written. */
  body: string;
  /** body with every run of whitespace as one space, for phrases that wrap. */
  flatBody: string;
  /** What the sender wrote above a quoted or forwarded history (the whole text when there is none). */
  ownText: string;
  /** report-type of a multipart/report ('' when missing), undefined without one. */
  reportType?: string;
  statuses: FoundStatus[];
  /** Body of a message/feedback-report (ARF, RFC 5965) part. */
  feedbackReport?: string;
  /** Body of a message/disposition-notification part (read receipt, RFC 8098). */
  dispositionNotification?: string;
  /** Headers of the returned original message, when the mail carries it (or its headers). */
  returnedHeaders?: RawHeader[];
  /** Messages attached as message/rfc822, read into parts. */
  attachedMessages: MimeMessage[];
  header(name: string): string | undefined;
}

/** Bounce notices come first; the rest of a long mail (a returned original, a huge text) is not read. */
const MAX_BODY = 512 * 1024;

const STATUS_TYPE = /^message\/(global-)?delivery-status$/;
const DISPOSITION_TYPE = /^message\/(global-)?disposition-notification$/;
const RETURNED_TYPE = /^(message\/(rfc822|global)|text\/rfc822-headers|message\/global-headers)$/;

export function readEvidence(mail: ParsedMail, context: ClassifyContext): MailEvidence {
  const statuses: FoundStatus[] = [];
  const report = mail.report;
  let dispositionNotification: string | undefined;
  if (report?.status) {
    if (report.reportType === 'disposition-notification' || (/^Disposition\s*:/im.test(report.status) && !/^Action\s*:/im.test(report.status))) {
      dispositionNotification = report.status;
    } else {
      statuses.push({ where: `multipart/report; report-type=${report.reportType || '(none)'}`, status: parseDeliveryStatus(report.status) });
    }
  }
  let feedbackReport: string | undefined;
  const attachedMessages: MimeMessage[] = [];
  for (const attachment of mail.attachments) {
    const type = attachment.contentType;
    const text = () => attachment.content.toString('utf8');
    if (STATUS_TYPE.test(type)) statuses.push({ where: `${type} attachment`, status: parseDeliveryStatus(text()) });
    else if (type === 'message/feedback-report') feedbackReport ??= text();
    else if (DISPOSITION_TYPE.test(type)) dispositionNotification ??= text();
    if (type === 'message/rfc822' || type === 'message/global') attachedMessages.push(readMimeMessage(attachment.content));
  }
  // A short text part is often a stub ("This is a MIME message") in front of an HTML notice.
  const html = mail.text.trim().length >= 500 ? '' : htmlAsText((mail.html ?? '').slice(0, MAX_BODY));
  // Some gateways send the notice itself as a text/plain attachment.
  const attachedText = mail.attachments.filter((a) => a.contentType === 'text/plain' && a.size < 64 * 1024).map((a) => a.content.toString('utf8'));
  const body = [mail.text, mail.quotedText ?? '', html, ...attachedText].filter(Boolean).join('\n').slice(0, MAX_BODY);
  // The parser shows a message/delivery-status part as text; a multipart/mixed DSN has no report.
  if (statuses.length === 0) {
    const inline = parseInlineDeliveryStatus(body);
    if (inline) statuses.push({ where: 'delivery status fields in the text', status: inline, inText: true });
  }
  const returned = report?.originalHeaders ?? returnedHeadersOf(mail);
  return {
    mail,
    context,
    fromAddress: mail.from?.address ?? '',
    fromName: mail.from?.name ?? '',
    subject: mail.subject,
    body,
    flatBody: body.replace(/\s+/g, ' '),
    // Forwarded messages stay in the text (they are what the citizen wants read): the own words end at the marker.
    ownText: mail.quotedText ? mail.text : (textBeforeForward(mail.text) ?? body),
    reportType: report?.reportType,
    statuses,
    feedbackReport,
    dispositionNotification,
    returnedHeaders: returned,
    attachedMessages,
    header: (name) => headerValue(mail.headers, name),
  };
}

function returnedHeadersOf(mail: ParsedMail): RawHeader[] | undefined {
  const returned = mail.attachments.find((a) => RETURNED_TYPE.test(a.contentType));
  return returned ? readHeaders(returned.content) : undefined;
}

/** Drops elements with their content, in one pass; an unclosed one drops the rest. */
function withoutElements(html: string, names: string[]): string {
  const lower = html.toLowerCase();
  let result = '';
  let at = 0;
  for (;;) {
    const starts = names.map((name) => ({ name, index: openingTag(lower, name, at) })).filter((s) => s.index >= 0);
    if (starts.length === 0) return result + html.slice(at);
    const first = starts.reduce((a, b) => (b.index < a.index ? b : a));
    result += `${html.slice(at, first.index)} `;
    const end = lower.indexOf(`</${first.name}`, first.index);
    if (end < 0) return result;
    const close = lower.indexOf('>', end);
    at = close < 0 ? html.length : close + 1;
  }
}

/** Where `<name>` or `<name ...` starts (not `<header` for head), from `from` on; -1 if nowhere. */
function openingTag(lower: string, name: string, from: number): number {
  for (let index = lower.indexOf(`<${name}`, from); index >= 0; index = lower.indexOf(`<${name}`, index + 1)) {
    if (/[\s>/]/.test(lower.charAt(index + name.length + 1))) return index;
  }
  return -1;
}

/** Enough of HTML as text for phrase matching (display uses the sanitizer). */
export function htmlAsText(html: string): string {
  return withoutElements(html, ['style', 'script', 'head'])
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&')
    .replace(/[ \t]+/g, ' ');
}
