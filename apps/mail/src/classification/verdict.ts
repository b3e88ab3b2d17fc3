import { MailClassification } from '@d115/contracts';
import { Finding, Signal } from './rules/rule';
import { systemSenderAddress } from './rules/sender.rules';

export interface Verdict {
  classification: MailClassification;
  /** The line of the table below that decided. */
  because: string;
  /** True when signals of automated mail were outweighed (a person forwarding a bounce). */
  overruled?: boolean;
}

/**
 * Combines the signals of the rules that fired, first line that holds wins:
 *
 * | # | when                                                                   | verdict    |
 * |---|------------------------------------------------------------------------|------------|
 * | 1 | feedback report (ARF) or read receipt                                  | report     |
 * | 2 | a delivery status with a failed/delayed recipient                      | bounce     |
 * | 3 | a delivery status with delivered/relayed/expanded recipients only      | report     |
 * | 4 | another multipart/report                                               | report     |
 * | 5 | X-Failed-Recipients or Exchange's NDR header                           | bounce     |
 * | 6 | a person (no system sender, no automated header) forwarding a bounce   | normal     |
 * |   | with words of their own: they want an answer                           |            |
 * |6b | a person's reply (Re:, AW:) that quotes a bounce                       | normal     |
 * | 7 | an automatic reply, unless MTA wording or a system sender with a       | auto-reply |
 * |   | bounce subject says it is a bounce                                     |            |
 * | 8 | system sender and any bounce subject or wording, or the returned mail  | bounce     |
 * | 9 | MTA wording with a bounce subject, automated headers or no-reply@      | bounce     |
 * |10 | a forwarded bounce: an attached bounce, or MTA wording in a forward    | bounce     |
 * |   | without words of the forwarder's own                                   |            |
 * |11 | a bounce subject in automated mail that shows no out-of-office sign   | bounce     |
 * |12 | a mail-system address (MAILER-DAEMON, postmaster, …) with no           | bounce     |
 * |   | out-of-office sign: such senders send delivery notices, nothing else   |            |
 * |   | (a null sender alone is not enough: vacation replies use it too)       |            |
 * |13 | any automated signal (a system display name alone is none)            | auto-reply |
 * |14 | otherwise                                                              | normal     |
 */
export function decide(findings: Finding[]): Verdict {
  const has = (...signals: Signal[]) => signals.some((signal) => findings.some((f) => f.signal === signal));
  const bounceWording = has('bounce-subject', 'bounce-text', 'mta-text');
  const automatedHeaders = has('automated', 'auto-reply');
  if (has('feedback-report')) return { classification: 'report', because: 'feedback report' };
  if (has('read-receipt')) return { classification: 'report', because: 'read receipt' };
  if (has('delivery-failure')) return { classification: 'bounce', because: 'delivery status reports a failure' };
  if (has('delivery-success')) return { classification: 'report', because: 'delivery status without failure' };
  if (has('other-report')) return { classification: 'report', because: 'multipart/report' };
  if (has('bounce-header')) return { classification: 'bounce', because: 'bounce header' };
  const system = has('system-sender', 'system-name');
  const person = !system && !has('no-reply-sender') && !automatedHeaders;
  if (person && has('own-words') && (bounceWording || has('forwarded-bounce'))) {
    return { classification: 'normal', because: 'a person forwarded a bounce with words of their own', overruled: true };
  }
  if (person && has('reply') && (bounceWording || has('forwarded-bounce'))) {
    return { classification: 'normal', because: 'a person replied, quoting a bounce', overruled: true };
  }
  if (has('auto-reply') && !has('mta-text') && !(system && has('bounce-subject'))) {
    return { classification: 'auto-reply', because: 'automatic reply' };
  }
  if (system && (bounceWording || has('returned-message'))) return { classification: 'bounce', because: 'system sender with bounce wording' };
  if (has('mta-text') && (has('bounce-subject') || automatedHeaders || has('no-reply-sender'))) return { classification: 'bounce', because: 'MTA wording' };
  if (has('forwarded-bounce') || (has('mta-text') && has('forwarded') && !has('own-words'))) return { classification: 'bounce', because: 'forwarded bounce' };
  if (has('bounce-subject') && automatedHeaders && !has('auto-reply')) return { classification: 'bounce', because: 'bounce subject in automated mail' };
  const daemon = findings.some((f) => f.rule === systemSenderAddress.name);
  if (daemon && !has('auto-reply')) return { classification: 'bounce', because: 'mail-system sender address' };
  if (automatedHeaders || has('system-sender')) return { classification: 'auto-reply', because: 'automated mail' };
  return { classification: 'normal', because: 'no sign of automated mail' };
}
