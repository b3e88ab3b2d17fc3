import { ClassificationRule } from './rule';

/**
 * Subjects of bounces as MTAs and providers send them, in English, German,
 * French, Italian, Spanish, Dutch, Swedish, Russian and Japanese. Alone they
 * prove nothing (a citizen may write "Mail unzustellbar?"); see verdict.ts.
 */
export const BOUNCE_SUBJECT = new RegExp(
  [
    'undeliver(ed|able)',
    'non-?deliverable',
    'not delivered',
    'delivery (status )?notification(?! ?\\((success|relay|delivered)\\))',
    'delivery (has )?failed',
    'delivery failure',
    'failed delivery',
    'failure notice',
    'returned mail',
    'returned to sender',
    'mail delivery (failed|failure|status|problem|system)',
    'mail failure',
    'mail failed',
    '\\bbounced?\\b',
    'mail system error',
    "message (could not be|couldn't be|not|was not) delivered",
    'mail could not be delivered',
    'could not (send|deliver) (your )?(message|mail)',
    'delivery (has been )?delayed',
    'delayed mail',
    'warning: (message \\S+ delayed|could not send message|delayed)',
    'postmaster notify',
    'message frozen',
    'error (sending|delivering) (your )?(message|mail)',
    'unzustellbar',
    'nicht zustellbar',
    'konnte nicht zugestellt werden',
    'nicht zugestellt',
    '(mail-?|e-mail-|nachrichten)?zustellung (ist )?fehlgeschlagen',
    'zustellungsfehler',
    'unzustellbare nachricht',
    'non remis',
    'non distribuable',
    'non d[ée]livr[ée]',
    'rapport de non-remise',
    '[ée]chec (de (la )?)?(remise|livraison|distribution)',
    'non recapitabile',
    'no se (ha )?pod(ido|ía|e) entregar',
    'no se puede entregar',
    'entrega fallida',
    'falha na entrega',
    'mancata consegna',
    'impossibile recapitare',
    'consegna non riuscita',
    'niet afgeleverd',
    'kunne ikke leveres',
    'ikke levert',
    'toimitus epäonnistui',
    'no entregado',
    'onbestelbaar',
    'olevererbart',
    'не доставлено',
    'недоставленное',
    'не удалось доставить',
    'ошибка доставки',
    '配信エラー',
    '配信不能',
    '配信できませんでした',
    '配信失敗',
    '不達',
    '送信エラー',
    'エラーメール',
    '退信',
    '邮件发送失败',
    '无法投递',
    '未送达',
    '전송 실패',
    '반송',
    'não (foi possível )?entregue',
    'mensagem não entregue',
    'nie (można|udało się) dostarczyć',
    'niedostarczon',
    'kézbesíthetetlen',
    'nedoručen',
    'teslim edilemedi',
  ].join('|'),
  'i',
);

/**
 * Subjects of automatic replies: "Automatische Antwort: …", "Out of Office: …", "Réponse automatique : …".
 * Not Sieve's "Auto: …" (German for car: "Auto: Ummeldung") — vacation replies carry Auto-Submitted anyway.
 */
export const OUT_OF_OFFICE_SUBJECT =
  /^\s*(automatische antwort|automatic reply|auto(matic)?[ -]?(reply|response|antwort)|abwesenheitsnotiz|out of (the )?office|r[ée]ponse automatique|r[ée]ponse en cas d'absence|risposta automatica|respuesta autom[áa]tica|autosvar|automatisch antwoord)\s*:/i;

export const bounceSubject: ClassificationRule = {
  name: 'bounce-subject',
  looksAt: 'subject',
  signal: 'bounce-subject',
  test: (e) => (BOUNCE_SUBJECT.test(e.subject) ? 'bounce subject' : undefined),
};

export const outOfOfficeSubject: ClassificationRule = {
  name: 'out-of-office-subject',
  looksAt: 'subject',
  signal: 'auto-reply',
  test: (e) => (OUT_OF_OFFICE_SUBJECT.test(e.subject) ? 'out-of-office subject' : undefined),
};

/** A reply (Re:, AW:, SV:, ...): a person answering, unless the sender says otherwise. */
export const replySubject: ClassificationRule = {
  name: 'reply-subject',
  looksAt: 'subject',
  signal: 'reply',
  test: (e) => (/^\s*(re|aw|antw|sv|vs|r|odp|rif|ynt)\s*(\[\d+\])?\s*:/i.test(e.subject) ? 'reply subject' : undefined),
};

export const SUBJECT_RULES: readonly ClassificationRule[] = [bounceSubject, outOfOfficeSubject, replySubject];
