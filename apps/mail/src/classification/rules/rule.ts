import { MailEvidence } from '../mail-evidence';

/**
 * What a rule's finding says about a mail. The verdict (verdict.ts) combines
 * signals; no single weak signal decides on its own.
 */
export type Signal =
  /** A delivery status reports a failed or delayed recipient. */
  | 'delivery-failure'
  /** A delivery status reports only delivered, relayed or expanded recipients. */
  | 'delivery-success'
  /** An ARF feedback report (abuse, fraud, ...). */
  | 'feedback-report'
  /** A message disposition notification (read receipt). */
  | 'read-receipt'
  /** A multipart/report of another or unknown type without a delivery status. */
  | 'other-report'
  /** A header only mail systems set on bounces (X-Failed-Recipients, Exchange NDR flag). */
  | 'bounce-header'
  /** Sent by a mail system: null sender, MAILER-DAEMON, postmaster, "Mail Delivery System". */
  | 'system-sender'
  /** Looks like a mail system by display name or a missing From only: counts with bounce evidence, never alone. */
  | 'system-name'
  /** no-reply@ sender: a machine, or a web form relaying a person's message. */
  | 'no-reply-sender'
  /** A subject bounces carry (in several languages); a person may write it too. */
  | 'bounce-subject'
  /** Wording of delivery failures that a person may also use ("could not be delivered"). */
  | 'bounce-text'
  /** Wording only mail transfer agents write ("This is the qmail-send program", SMTP transcripts). */
  | 'mta-text'
  /** The mail carries a message (or its headers) that the addressee of this mail once sent. */
  | 'returned-message'
  /** A forwarded message/rfc822 inside the mail is a bounce. */
  | 'forwarded-bounce'
  /** The subject says the mail replies to another (Re:, AW:). */
  | 'reply'
  /** The mail forwards or quotes other mail (Fwd:/WG: subject, quoted history, attached message). */
  | 'forwarded'
  /** The sender, a person, wrote words of their own above forwarded or quoted content. */
  | 'own-words'
  /** An out-of-office or other automatic reply (RFC 3834 auto-replied, vacation headers and subjects). */
  | 'auto-reply'
  /** Automated mail of another sort: lists, bulk, loops, auto-generated, our own mail coming back. */
  | 'automated';

export interface ClassificationRule {
  /** Stable, kebab-case: used in tests and docs. */
  name: string;
  looksAt: 'structure' | 'envelope' | 'headers' | 'subject' | 'body';
  signal: Signal;
  /** The reason recorded when the rule fires, undefined when it does not. */
  test(evidence: MailEvidence): string | undefined;
}

/** A rule that fired, with its reason. */
export interface Finding {
  rule: string;
  signal: Signal;
  reason: string;
}

export function runRules(rules: readonly ClassificationRule[], evidence: MailEvidence): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const reason = rule.test(evidence);
    if (reason !== undefined) findings.push({ rule: rule.name, signal: rule.signal, reason });
  }
  return findings;
}
