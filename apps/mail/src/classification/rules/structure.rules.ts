import { FoundStatus, MailEvidence } from '../mail-evidence';
import { MimeMessage } from '../mime-view';
import { addressIn, parseDeliveryStatus } from '../delivery-status';
import { ClassificationRule } from './rule';
import { BOUNCE_SUBJECT } from './subject.rules';
import { SYSTEM_LOCAL_PART, SYSTEM_NAME } from './sender.rules';

const FAILED_ACTIONS = new Set(['failed', 'delayed']);
const SUCCESS_ACTIONS = new Set(['delivered', 'relayed', 'expanded']);

/** RFC 3464 delivery status: failed/delayed recipients, or no recipient at all in a report that says it is one. */
export const deliveryStatusFailure: ClassificationRule = {
  name: 'delivery-status-failure',
  looksAt: 'structure',
  signal: 'delivery-failure',
  test: (e) => {
    for (const found of e.statuses.filter((f) => !f.inText)) {
      const failed = found.status.recipients.filter(isFailure);
      if (failed.length) return `delivery status (${found.where}): ${failed.map((r) => r.action ?? r.status).join(', ')}`;
    }
    const declared = e.reportType === 'delivery-status' || e.statuses.some((f) => f.where.endsWith('attachment'));
    if (declared && !e.statuses.some(hasSuccess)) return 'delivery status report without a successful recipient';
    return undefined;
  },
};

/**
 * Delivery status fields in the text: a multipart/mixed DSN (the parser shows
 * its status part as text) or a DSN a person pasted. MTA wording, not structure.
 */
export const inlineDeliveryStatus: ClassificationRule = {
  name: 'inline-delivery-status',
  looksAt: 'body',
  signal: 'mta-text',
  test: (e) => (e.statuses.some((f) => f.inText && f.status.recipients.some(isFailure)) ? 'delivery status fields in the text' : undefined),
};

/** A DSN that reports delivery, relaying or expansion only: a notice, not a bounce. */
export const deliveryStatusSuccess: ClassificationRule = {
  name: 'delivery-status-success',
  looksAt: 'structure',
  signal: 'delivery-success',
  test: (e) => {
    const found = e.statuses.find(hasSuccess);
    if (!found) return undefined;
    const actions = found.status.recipients.map((r) => r.action ?? r.status ?? 'unknown').join(', ');
    return `delivery status without failure (actions: ${actions})`;
  },
};

/** ARF (RFC 5965): a feedback report about a message, e.g. an abuse complaint. */
export const feedbackReport: ClassificationRule = {
  name: 'feedback-report',
  looksAt: 'structure',
  signal: 'feedback-report',
  test: (e) => {
    if (e.reportType === 'feedback-report') return 'report-type feedback-report';
    if (e.feedbackReport !== undefined) return 'message/feedback-report part';
    if (/"notificationType"\s*:\s*"Complaint"/.test(e.body)) return 'Amazon SES complaint notification';
    if (e.header('x-hmxmroriginalrecipient') !== undefined) return 'Microsoft JMRP complaint';
    if (/^Feedback-Type\s*:\s*[\w-]+\s*$/im.test(e.body) && /^Version\s*:\s*\d/im.test(e.body)) return 'feedback report fields in the text';
    return undefined;
  },
};

/** A message disposition notification (read receipt, RFC 8098), unless it is a Sieve reject. */
export const readReceipt: ClassificationRule = {
  name: 'read-receipt',
  looksAt: 'structure',
  signal: 'read-receipt',
  test: (e) => (e.dispositionNotification !== undefined && !isSieveReject(e) ? 'message disposition notification' : undefined),
};

/** Sieve reject (RFC 5429): an automatic MDN that the message was refused, i.e. a bounce. */
export const sieveReject: ClassificationRule = {
  name: 'sieve-reject',
  looksAt: 'structure',
  signal: 'delivery-failure',
  test: (e) => (isSieveReject(e) ? 'message refused (Sieve reject)' : undefined),
};

function isSieveReject(e: MailEvidence): boolean {
  const disposition = e.dispositionNotification ?? '';
  return (
    /automatic-action\/MDN-sent-automatically\s*;\s*(deleted|denied)/i.test(disposition) &&
    /reject|refus|abgelehnt|zurückgewiesen/i.test(`${e.subject} ${e.flatBody}`)
  );
}

/**
 * A multipart/report of another named type without a delivery status (e.g. a
 * TLS report). A missing or misspelt delivery-status type is left to the other rules.
 */
export const otherReport: ClassificationRule = {
  name: 'other-report',
  looksAt: 'structure',
  signal: 'other-report',
  test: (e) => (e.reportType && !/deliv|status/.test(e.reportType) && e.statuses.length === 0 ? `report-type ${e.reportType}` : undefined),
};

/** Amazon SES bounce notifications delivered by SNS as JSON in the text. */
export const sesBounceNotification: ClassificationRule = {
  name: 'ses-bounce-notification',
  looksAt: 'body',
  signal: 'delivery-failure',
  test: (e) => (/"notificationType"\s*:\s*"Bounce"/.test(e.body) && /"bouncedRecipients"/.test(e.body) ? 'Amazon SES bounce notification' : undefined),
};

/** A bounce inside an attached message (a bounce forwarded by a person or wrapped by a gateway). */
export const forwardedBounce: ClassificationRule = {
  name: 'forwarded-bounce',
  looksAt: 'structure',
  signal: 'forwarded-bounce',
  test: (e) => {
    const bounce = e.attachedMessages.find(isBounceMessage);
    return bounce ? 'an attached message is a bounce' : undefined;
  },
};

/**
 * The mail returns a message its own addressee sent (message/rfc822 or
 * text/rfc822-headers whose From is the To of this mail, or one of our mailboxes).
 */
export const returnedMessage: ClassificationRule = {
  name: 'returned-message',
  looksAt: 'structure',
  signal: 'returned-message',
  test: (e) => {
    const from = addressIn(e.returnedHeaders?.find((h) => h.name.toLowerCase() === 'from')?.value);
    if (!from) return undefined;
    const addressees = e.mail.to.map((a) => a.address);
    return addressees.includes(from) || e.context.isOwnAddress(from) ? `returns a message from ${from}` : undefined;
  },
};

export const STRUCTURE_RULES: readonly ClassificationRule[] = [
  feedbackReport,
  readReceipt,
  sieveReject,
  deliveryStatusFailure,
  inlineDeliveryStatus,
  deliveryStatusSuccess,
  otherReport,
  sesBounceNotification,
  forwardedBounce,
  returnedMessage,
];

function isFailure(r: { action?: string; status?: string }): boolean {
  return r.action ? FAILED_ACTIONS.has(r.action) : /^[45]/.test(r.status ?? '');
}

function hasSuccess(found: FoundStatus): boolean {
  const recipients = found.status.recipients;
  return recipients.length > 0 && !recipients.some(isFailure) && recipients.some((r) => (r.action ? SUCCESS_ACTIONS.has(r.action) : r.status?.startsWith('2')));
}

/** A delivery status with a failure inside, or a system sender with a bounce subject. */
export function isBounceMessage(message: MimeMessage): boolean {
  const status = message.leaves.find((leaf) => /^message\/(global-)?delivery-status$/.test(leaf.contentType));
  if (status && parseDeliveryStatus(status.text).recipients.some(isFailure)) return true;
  const from = message.headers.find((h) => h.name.toLowerCase() === 'from')?.value ?? '';
  const subject = message.headers.find((h) => h.name.toLowerCase() === 'subject')?.value ?? '';
  const local = addressIn(from)?.split('@')[0] ?? '';
  return (SYSTEM_LOCAL_PART.test(local) || SYSTEM_NAME.test(from.replace(/^["\s]+/, ''))) && BOUNCE_SUBJECT.test(subject);
}
