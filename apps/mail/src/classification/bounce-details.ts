import { BounceDto } from '@d115/contracts';
import { headerValue, RawHeader } from '../parsing/header-decoding';
import { normalizeMessageId } from '../parsing/message-ids';
import { FailedRecipient } from './classification';
import { addressIn, bounceKind, parseDeliveryStatus } from './delivery-status';
import { MailEvidence } from './mail-evidence';
import { SYSTEM_LOCAL_PART } from './rules/sender.rules';

type Kind = BounceDto['kind'];

export interface BounceDetails {
  failedRecipients: FailedRecipient[];
  /** Kind of the whole bounce: of the first failed recipient, else what the text says. */
  kind: Kind;
  originalMessageId?: string;
}

const ENHANCED = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
const REPLY_CODE = /(?:^|[\s#'"(>:[])([45])\d\d(?=[\s\-'")\]:,;]|$)/m;
const PERMANENT_WORDS =
  /permanent(ly)?|fatal error|automatically rejected|user unknown|unknown user|no such (user|mailbox|recipient|address)|does not exist|doesn't exist|address not found|not found|not listed|couldn't be found|invalid (recipient|address|mailbox)|account (is )?disabled|unbekannt|existiert nicht|dauerhaft|inconnu|n'existe pas|définitivement|宛先不明|存在しません/i;
const TEMPORARY_WORDS =
  /temporar(y|ily)|delayed|mailbox (is )?full|over quota|quota exceeded|postfach (ist )?voll|has not yet been delivered|will (continue|keep) (to try|trying)|will be retried|still trying|warning message only|transient|try again later|vorübergehend|verzögert|temporaire|retardé/i;
const COPY_MARKER =
  /^[ \t>]*(?:(?:-{2,}|_{2,}|={2,}|\*{2,})[ \t]*)?(?:This is a copy of the message|Below this line is a copy of the message|Below is a copy of the original message|Original message headers|Original Message Headers|Original message follows|Message header follows|The header of the original message is following|Returned Message|Unsent message follows|Undelivered Message Headers|Headers of the original message|Ursprüngliche Nachrichtenkopfzeilen|Kopfzeilen der ursprünglichen Nachricht|En-têtes de message d'origine|Message d'origine|Ursprüngliche Nachricht|Original message|Received: from )/im;
const STRONG_CONTEXT =
  /((deliver(ed|ing)?|sen[dt]|zugestellt|remis|remise)( your (message|mail))?|(mail|message|nachricht)) (to|an|à):?\s*<?"?$|(recipient|recipients|empfänger|destinataire|addressee|address)(\(s\))?:?\s*<?"?$|rcpt to:?\s*<?$/i;

/** Failed recipients, kind and original Message-ID, from wherever the bounce states them. */
export function readBounceDetails(e: MailEvidence): BounceDetails {
  const text = beforeCopy(e.body);
  const recipients = fromDeliveryStatus(e, text) ?? fromSesNotification(e.body) ?? fromText(e, text);
  const kind = recipients[0]?.kind ?? kindOfText(`${e.subject}\n${text}`);
  return { failedRecipients: recipients, kind, originalMessageId: originalMessageId(e) };
}

function fromDeliveryStatus(e: MailEvidence, text: string): FailedRecipient[] | undefined {
  for (const found of e.statuses) {
    const failed = found.status.recipients.filter(
      (r) => r.recipient && (r.action ? r.action === 'failed' || r.action === 'delayed' : /^[45]/.test(r.status ?? '')),
    );
    if (failed.length === 0) continue;
    return failed.map((r) => {
      let kind = bounceKind(r);
      let status = r.status;
      if (kind === 'unknown') {
        const fromText = statusOf(`${r.diagnostic ?? ''}\n${textAfter(text, r.recipient!)}`);
        kind = fromText.kind;
        status ??= fromText.status;
      }
      return { recipient: r.recipient!, kind, ...(status ? { status } : {}), ...(r.diagnostic ? { diagnostic: r.diagnostic } : {}) };
    });
  }
  return undefined;
}

/** Amazon SES via SNS: {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[...]}}. */
function fromSesNotification(body: string): FailedRecipient[] | undefined {
  if (!/"notificationType"\s*:\s*"Bounce"/.test(body)) return undefined;
  const json = body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1);
  try {
    const notice = JSON.parse(json) as {
      bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress?: string; status?: string; diagnosticCode?: string }[] };
    };
    const type = notice.bounce?.bounceType;
    const kind: Kind = type === 'Permanent' ? 'permanent' : type === 'Transient' ? 'temporary' : 'unknown';
    return (notice.bounce?.bouncedRecipients ?? [])
      .filter((r) => addressIn(r.emailAddress))
      .map((r) => ({
        recipient: addressIn(r.emailAddress)!,
        kind,
        ...(r.status ? { status: r.status } : {}),
        ...(r.diagnosticCode ? { diagnostic: r.diagnosticCode } : {}),
      }));
  } catch {
    return undefined;
  }
}

/** X-Failed-Recipients, else the addresses the text names where bounces name failed recipients. */
function fromText(e: MailEvidence, text: string): FailedRecipient[] {
  const ignored = ignoredAddresses(e);
  const header = (e.header('x-failed-recipients') ?? '')
    .split(/[,\s]+/)
    .map((token) => addressIn(token))
    .filter((a): a is string => !!a);
  const candidates = header.length ? header : candidatesIn(text, ignored);
  const recipients = [...new Set(candidates)].slice(0, 20);
  return recipients.map((recipient) => {
    const mentioned = text.toLowerCase().includes(recipient);
    const after = mentioned ? textAfter(text, recipient, recipients) : text;
    const found = statusOf(after).kind === 'unknown' && mentioned ? statusOf(`${textBefore(text, recipient)}\n${after}`) : statusOf(after);
    const diagnostic = /(?:^|\s)([45]\d\d[ -][^\n]{3,200})/.exec(after)?.[1]?.trim();
    return { recipient, kind: found.kind, ...(found.status ? { status: found.status } : {}), ...(diagnostic ? { diagnostic } : {}) };
  });
}

function candidatesIn(text: string, ignored: Set<string>): string[] {
  const all: { address: string; strong: boolean }[] = [];
  for (const match of text.matchAll(/<?((?<![^\s<>;:"'(),[\]])[^\s<>;:"'(),[\]]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>?/g)) {
    const address = match[1].toLowerCase().replace(/\.$/, '');
    const before = text.slice(Math.max(0, match.index! - 40), match.index!);
    if (ignored.has(address) || SYSTEM_LOCAL_PART.test(address.split('@')[0])) continue;
    if (/(message-id|in-reply-to|references|x-postfix-sender|from|sender|return-path)\s*:\s*(rfc822;\s*)?$/i.test(before)) continue;
    if (/[$]|^[0-9a-f.-]{16,}@/i.test(address)) continue;
    all.push({ address, strong: atLineStart(text, match.index!) || STRONG_CONTEXT.test(before) });
  }
  const strong = all.filter((c) => c.strong);
  return (strong.length ? strong : all).map((c) => c.address);
}

/** Only blanks, quotes or a bullet between the last line break (at most 80 characters back) and the position. */
function atLineStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 80), index);
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak < 0 && index > 80) return false;
  return /^[\s"*•-]*$/.test(before.slice(lineBreak + 1));
}

/** The bounce's own addressees and sender, the original's sender, our own mailboxes: never the failed recipient. */
function ignoredAddresses(e: MailEvidence): Set<string> {
  const ignored = new Set<string>([e.fromAddress, ...e.mail.to.map((a) => a.address), ...e.mail.cc.map((a) => a.address)]);
  for (const name of ['from', 'sender', 'reply-to', 'return-path']) {
    const address = addressIn(headerValue(e.returnedHeaders ?? [], name));
    if (address) ignored.add(address);
  }
  const envelope = e.context.envelopeFrom;
  if (envelope) ignored.add(envelope.toLowerCase());
  return new Set([...ignored].filter((a) => a));
}

/** The text after a recipient's first mention, up to the next other recipient (at most 600 characters). */
function textAfter(text: string, recipient: string, others: string[] = []): string {
  const lower = text.toLowerCase();
  const at = lower.indexOf(recipient);
  if (at < 0) return '';
  const start = at + recipient.length;
  const ends = others
    .filter((o) => o !== recipient)
    .map((o) => lower.indexOf(o, start))
    .filter((i) => i >= 0);
  return text.slice(start, Math.min(start + 600, ...ends));
}

/** The 200 characters before a recipient's first mention ("had permanent fatal errors", ...). */
function textBefore(text: string, recipient: string): string {
  const at = text.toLowerCase().indexOf(recipient);
  return at < 0 ? '' : text.slice(Math.max(0, at - 200), at);
}

/** Enhanced status code, else SMTP reply code, else words: permanent or temporary. */
export function statusOf(text: string): { kind: Kind; status?: string } {
  const enhanced = ENHANCED.exec(text);
  if (enhanced && enhanced[1] !== '2') return { kind: enhanced[1] === '5' ? 'permanent' : 'temporary', status: enhanced[0] };
  const reply = REPLY_CODE.exec(text);
  if (reply) return { kind: reply[1] === '5' ? 'permanent' : 'temporary' };
  return { kind: kindOfWords(text) };
}

function kindOfText(text: string): Kind {
  return statusOf(text).kind;
}

function kindOfWords(text: string): Kind {
  if (TEMPORARY_WORDS.test(text)) return 'temporary';
  if (PERMANENT_WORDS.test(text)) return 'permanent';
  return 'unknown';
}

function beforeCopy(body: string): string {
  const marker = COPY_MARKER.exec(body);
  return marker && marker.index > 0 ? body.slice(0, marker.index) : body;
}

/** From the returned message or its headers, a delivery status field, or an inline copy of the original headers. */
function originalMessageId(e: MailEvidence): string | undefined {
  const fromHeaders = (headers: RawHeader[] | undefined) => normalizeMessageId(headerValue(headers ?? [], 'message-id'));
  const disposition = e.dispositionNotification !== undefined ? parseDeliveryStatus(e.dispositionNotification).originalMessageId : undefined;
  const inStatus = [...e.statuses.map((s) => s.status.originalMessageId), disposition].map((id) => normalizeMessageId(id)).find(Boolean);
  const inline = /^[ \t>]*Message-ID\s*:\s*(<[^<>\s]+>)/im.exec(e.body)?.[1];
  return fromHeaders(e.returnedHeaders) ?? inStatus ?? normalizeMessageId(inline);
}
