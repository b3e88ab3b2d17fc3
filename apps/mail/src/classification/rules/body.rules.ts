import { MailEvidence } from '../mail-evidence';
import { textBeforeForward } from '../../parsing/quoted-text';
import { ClassificationRule } from './rule';

/**
 * Wording that mail transfer agents write into their bounces, one entry per
 * MTA or provider family. People do not write these sentences; when one shows
 * up in a person's mail it is a bounce they forwarded or pasted (see
 * own-words and verdict.ts). Matched against the body with whitespace folded.
 */
export const MTA_PHRASES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'postfix', pattern: /This is the mail system at host|I'm sorry to have to inform you that your message could not be delivered/i },
  { name: 'qmail', pattern: /This is the qmail-send program|I'm afraid I wasn't able to deliver your message/i },
  {
    name: 'exim',
    pattern:
      /This message was created automatically by mail delivery software|A message that you sent (could not be delivered|has not yet been delivered) to one or more of its recipients|SMTP error from remote (mail )?server (after|for)/i,
  },
  {
    name: 'sendmail',
    pattern:
      /(?<!-)-{3,} ?The following addresses had (permanent fatal errors|delivery problems|transient non-fatal errors) ?-{3,}|(?<!-)-{3,} ?Transcript of session follows ?-{3,}|THIS IS A WARNING MESSAGE ONLY/i,
  },
  { name: 'courier', pattern: /This is a delivery status notification from \S+, running the Courier mail server/i },
  {
    name: 'opensmtpd',
    pattern:
      /This is the MAILER-DAEMON, please DO NOT REPLY to this e-?mail|An error has occurred while attempting to deliver a message for the following list of recipients/i,
  },
  { name: 'dragonfly', pattern: /This is the DragonFly Mail Agent|There was an error delivering your mail to/i },
  {
    name: 'exchange',
    pattern:
      /Delivery has failed to these recipients or (groups|distribution lists)|Diagnostic information for administrators|Your message did not reach some or all of the intended recipients|did not reach the following recipient\(s\)|Remote Server returned '[45]\d\d|Your message to \S+ couldn't be delivered|Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen|Diagnoseinformationen für Administratoren|La remise aux destinataires ou groupes suivants a échoué|Informations de diagnostic pour les administrateurs|Votre message n'a pas pu être remis à/i,
  },
  {
    name: 'domino',
    pattern:
      /Your message [\s\S]{0,600}? was not delivered to: |Ihre Nachricht [\s\S]{0,600}? wurde nicht zugestellt an: |The following recipient\(s\) cannot be reached/i,
  },
  {
    name: 'gmail',
    pattern:
      /Your message wasn't delivered to|\*\* (Address not found|Message not delivered|Message blocked) \*\*|Delivery to the following recipients? (failed|has been delayed)|The response from the remote server was:/i,
  },
  { name: 'yahoo', pattern: /Sorry, we were unable to deliver your message to the following address|This message was not delivered to \S+ because/i },
  { name: 'ses', pattern: /An error occurred while trying to deliver the mail to the following recipients/i },
  { name: 'sendgrid', pattern: /This is an automatically generated message from SendGrid/i },
  {
    name: 'trendmicro-mcafee',
    pattern: /Unable to deliver message to <[^>]+>|Sent <<< RCPT TO|(?<!-)-{2,} ?The following addresses had delivery problems ?-{2,}/i,
  },
  {
    name: 'kddi-ezweb',
    pattern:
      /Could not be delivered to: <[^>]+>|The user\(s\) account is (disabled|temporarily over quota|temporarily limited)|Each of the following recipients was rejected by a remote mail server/i,
  },
  { name: 'mailru', pattern: /Это письмо создано автоматически сервером Mail\.Ru|не может быть доставлено одному или нескольким получателям/i },
  { name: 'japanese', pattern: /(以下の|下記の)?(宛先|アドレス)[^。]{0,30}(配信|送信)(でき|に失敗|不能)|メールを配信できませんでした|配信に失敗しました/ },
  { name: 'sendmail-original', pattern: /The original message was received at .{5,80} from |(?<!-)-{2,} ?The following addresses had delivery errors ?-{2,}/i },
  { name: 'smail-telekom', pattern: /\|-+ ?(Failed addresses follow|Message log follows): ?-+\|/i },
  { name: 'notes', pattern: /(?<!-)-{3,} ?Failure Reasons ?-{3,}/i },
  {
    name: 'generic-dsn-notice',
    pattern:
      /This is an automatically generated Delivery Status Notification|We had trouble delivering your message\. Full details follow|Unable to deliver (the )?message to the following (address|recipient)|The following recipients returned permanent errors/i,
  },
  { name: 'smtp-transcript', pattern: /(>>>|<<<) ?RCPT TO ?:|in reply to (RCPT TO|end of DATA|MAIL FROM) command/i },
];

/** Wording of delivery failures that a person may use too; with a system sender it is enough. */
export const BOUNCE_TEXT = new RegExp(
  [
    "(could|can)( ?no|')t be delivered",
    "couldn't be delivered",
    "(was|wasn't|were|has not been|have not been) (not )?delivered",
    'undeliverable',
    'delivery (has )?failed',
    'delivery failure',
    'failed permanently',
    'permanent (fatal )?error',
    'user unknown|unknown user|no such (user|mailbox|recipient)|address not found|recipient not found',
    'mailbox (is )?(full|unavailable|not found|disabled)',
    'over quota|quota exceeded',
    'recipient address rejected',
    'unable to deliver',
    'konnte nicht zugestellt werden',
    'nicht zugestellt werden',
    'unzustellbar',
    'zustellung (ist )?fehlgeschlagen',
    "n'a pas pu (être )?(remis|distribué|délivré)",
    'impossible de (remettre|délivrer|distribuer)',
    'non remis',
    'не доставлено|не удалось доставить|не может быть доставлено',
    '配信でき|配信されませんでした|配送できませんでした|送信できませんでした|届きませんでした|配信に失敗|宛先不明',
    '无法投递|退信|发送失败',
    'no se (ha )?pod(ido|ía|e) entregar|non è stato possibile recapitare|impossibile recapitare|não foi possível entregar|nie można dostarczyć|kon niet worden bezorgd|niet afgeleverd|kunne ikke leveres',
    '(?<![\\d.])[45]\\d\\d[ -][45]\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])',
    '#[45]\\.\\d{1,3}\\.\\d{1,3}\\b',
  ].join('|'),
  'i',
);

function mtaRule(entry: { name: string; pattern: RegExp }): ClassificationRule {
  return {
    name: `mta-text-${entry.name}`,
    looksAt: 'body',
    signal: 'mta-text',
    test: (e) => (entry.pattern.test(e.flatBody) ? `${entry.name} bounce wording` : undefined),
  };
}

export const bounceText: ClassificationRule = {
  name: 'bounce-text',
  looksAt: 'body',
  signal: 'bounce-text',
  test: (e) => (BOUNCE_TEXT.test(e.flatBody) ? 'delivery failure wording' : undefined),
};

const OWN_WORDS_MIN = 8;
/** A question, or a person speaking of themselves: gateways that wrap a bounce write neither. */
const PERSONAL = /\?|(^|[\s,.;:!(])(ich|mein\w*|mir|mich|I|I'm|my|me|je|j'|mon|ma|mes|moi)(?=[\s,.;:!?)]|$)/i;
const FORWARD_PREFIX = /^\s*(fwd?|wg|tr|wtr|rv|enc|i)\s*:/i;

function isForward(e: MailEvidence): boolean {
  return FORWARD_PREFIX.test(e.subject) || e.mail.quotedText !== undefined || e.attachedMessages.length > 0 || textBeforeForward(e.mail.text) !== undefined;
}

export const forwardedContent: ClassificationRule = {
  name: 'forwarded-content',
  looksAt: 'body',
  signal: 'forwarded',
  test: (e) => (isForward(e) ? 'forwards or quotes other mail' : undefined),
};

/**
 * A person who forwards a bounce (or pastes one) with a question of their own
 * wants an answer: the words they wrote above the forwarded content count, if
 * they ask something or speak of themselves.
 */
export const ownWords: ClassificationRule = {
  name: 'own-words',
  looksAt: 'body',
  signal: 'own-words',
  test: (e) => {
    if (!isForward(e)) return undefined;
    const own = e.ownText.split(/\r?\n/).filter((line) => !line.startsWith('>'));
    const words = own.join(' ').replace(/\s+/g, ' ').trim();
    if (MTA_PHRASES.some((p) => p.pattern.test(words))) return undefined;
    const count = words.split(' ').filter((w) => /\p{L}{2,}/u.test(w)).length;
    return count >= OWN_WORDS_MIN && PERSONAL.test(words) ? `the sender wrote ${count} words of their own` : undefined;
  },
};

export const BODY_RULES: readonly ClassificationRule[] = [...MTA_PHRASES.map(mtaRule), bounceText, forwardedContent, ownWords];
