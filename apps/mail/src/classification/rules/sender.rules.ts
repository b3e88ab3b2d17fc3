import { ClassificationRule } from './rule';

/** Local parts mail systems send bounces from. no-reply@ is not one: people's newsletters use it too. */
export const SYSTEM_LOCAL_PART =
  /^(mailer[-_.]?daemon|mail[-_.]?daemon|post[-_.]?master|mdaemon|mail[-_.]?delivery([-_.]?(sub)?system)?|mail[-_.]?system|bounces?|bounce[-_+.].*|double-bounce|microsoftexchange[0-9a-f]{32})(\+.*)?$/i;
/** Display names of bounce senders. */
export const SYSTEM_NAME =
  /^(mail deliver(y)? (sub)?system|mail delivery service|mailer[- _]?daemon|postmaster|mail administrator|mail system|mail ?delivery ?agent|e-?mail delivery|microsoft outlook|microsoft exchange|courier mail server|mail delivery|internet mail delivery|system administrator|mail router|delivery subsystem)\b/i;

const localPart = (address: string) => address.split('@')[0] ?? '';

export const nullEnvelopeSender: ClassificationRule = {
  name: 'null-envelope-sender',
  looksAt: 'envelope',
  signal: 'system-sender',
  test: (e) => (e.context.envelopeFrom === '' ? 'null envelope sender <>' : undefined),
};

/** Return-Path: <> (or <MAILER-DAEMON>) written by the delivering server: the envelope of an IMAP mail. */
export const nullReturnPath: ClassificationRule = {
  name: 'null-return-path',
  looksAt: 'envelope',
  signal: 'system-sender',
  test: (e) => {
    if (e.context.envelopeFrom === '') return undefined;
    const value = e.header('return-path')?.trim();
    if (value === undefined) return undefined;
    if (/^<?\s*>?$/.test(value)) return 'Return-Path: <>';
    return /^<?(mailer[-_]?daemon|postmaster)(@[^>]*)?>?$/i.test(value) ? `Return-Path: ${value}` : undefined;
  },
};

export const systemSenderAddress: ClassificationRule = {
  name: 'system-sender-address',
  looksAt: 'envelope',
  signal: 'system-sender',
  test: (e) => (SYSTEM_LOCAL_PART.test(localPart(e.fromAddress)) ? `system sender ${e.fromAddress}` : undefined),
};

export const systemSenderName: ClassificationRule = {
  name: 'system-sender-name',
  looksAt: 'envelope',
  signal: 'system-name',
  test: (e) => (SYSTEM_NAME.test(e.fromName.trim()) && !SYSTEM_LOCAL_PART.test(localPart(e.fromAddress)) ? `system sender name "${e.fromName}"` : undefined),
};

/** No usable From address at all: "From: <>" or none, which mail clients never send. */
export const noSender: ClassificationRule = {
  name: 'no-sender',
  looksAt: 'envelope',
  signal: 'system-name',
  test: (e) => (e.fromAddress ? undefined : 'no From address'),
};

export const ownAddress: ClassificationRule = {
  name: 'own-address',
  looksAt: 'envelope',
  signal: 'automated',
  test: (e) => (e.fromAddress && e.context.isOwnAddress(e.fromAddress) ? `sent from our own address ${e.fromAddress}` : undefined),
};

/**
 * no-reply@ and friends: machines, but also web forms that relay a citizen's
 * message (with Reply-To). Only ever combined with MTA wording (verdict.ts).
 */
export const noReplySender: ClassificationRule = {
  name: 'no-reply-sender',
  looksAt: 'envelope',
  signal: 'no-reply-sender',
  test: (e) => (/^(no-?reply|do-?not-?reply|donotreply)([-_.+].*)?$/i.test(localPart(e.fromAddress)) ? `no-reply sender ${e.fromAddress}` : undefined),
};

export const SENDER_RULES: readonly ClassificationRule[] = [
  systemSenderAddress,
  systemSenderName,
  nullEnvelopeSender,
  nullReturnPath,
  noSender,
  ownAddress,
  noReplySender,
];
