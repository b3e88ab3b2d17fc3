import { ParsedMail } from '../../parsing/parsed-mail';
import { aParsedMail, anAttachment } from '../../../test/support/parsed-mail.builder';
import { ClassifyContext, readEvidence } from '../mail-evidence';
import { BODY_RULES, bounceText, forwardedContent, MTA_PHRASES, ownWords } from './body.rules';
import * as headers from './header.rules';
import { ClassificationRule } from './rule';
import * as sender from './sender.rules';
import * as structure from './structure.rules';
import { bounceSubject, outOfOfficeSubject, replySubject } from './subject.rules';

const context: ClassifyContext = { envelopeFrom: 'erika@example.org', isOwnAddress: (a) => a === '115@rostock.de' };

const mail = aParsedMail;
const attachment = anAttachment;

const fires = (rule: ClassificationRule, m: ParsedMail, c: ClassifyContext = context) => rule.test(readEvidence(m, c));

const FAILED_DSN = 'Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; nobody@example.org\nAction: failed\nStatus: 5.1.1\n';
const DELIVERED_DSN = 'Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; somebody@example.org\nAction: delivered\nStatus: 2.0.0\n';

describe('structure rules', () => {
  it('delivery-status-failure: a failed or delayed recipient in the report, an attachment or the text', () => {
    expect(fires(structure.deliveryStatusFailure, mail({ report: { reportType: 'delivery-status', status: FAILED_DSN } }))).toContain('failed');
    expect(
      fires(structure.deliveryStatusFailure, mail({ report: { reportType: 'delivery-stauts', status: FAILED_DSN.replace('failed', 'delayed') } })),
    ).toContain('delayed');
    expect(fires(structure.deliveryStatusFailure, mail({ attachments: [attachment('message/delivery-status', FAILED_DSN)] }))).toBeDefined();
    expect(fires(structure.deliveryStatusFailure, mail({ text: `Your mail failed.\n\n${FAILED_DSN}` }))).toBeUndefined();
    expect(fires(structure.inlineDeliveryStatus, mail({ text: `Your mail failed.\n\n${FAILED_DSN}` }))).toBe('delivery status fields in the text');
    expect(fires(structure.deliveryStatusFailure, mail({ report: { reportType: 'delivery-status' } }))).toBe(
      'delivery status report without a successful recipient',
    );
    expect(fires(structure.deliveryStatusFailure, mail({ report: { reportType: 'delivery-status', status: DELIVERED_DSN } }))).toBeUndefined();
    expect(fires(structure.deliveryStatusFailure, mail({ text: 'Final-Recipient is a word I made up. Action: none.' }))).toBeUndefined();
  });

  it('delivery-status-success: delivered, relayed or expanded only', () => {
    expect(fires(structure.deliveryStatusSuccess, mail({ report: { reportType: 'delivery-status', status: DELIVERED_DSN } }))).toBe(
      'delivery status without failure (actions: delivered)',
    );
    expect(
      fires(structure.deliveryStatusSuccess, mail({ report: { reportType: 'delivery-status', status: `${DELIVERED_DSN}\n${FAILED_DSN}` } })),
    ).toBeUndefined();
  });

  it('feedback-report: ARF by report type, by part, or an SES complaint', () => {
    expect(fires(structure.feedbackReport, mail({ report: { reportType: 'feedback-report' } }))).toBe('report-type feedback-report');
    expect(fires(structure.feedbackReport, mail({ attachments: [attachment('message/feedback-report', 'Feedback-Type: abuse\nVersion: 1\n')] }))).toBe(
      'message/feedback-report part',
    );
    expect(fires(structure.feedbackReport, mail({ text: '{"notificationType":"Complaint","complaint":{}}' }))).toBe('Amazon SES complaint notification');
    expect(fires(structure.feedbackReport, mail({ header: { 'X-HmXmrOriginalRecipient': '<a@hotmail.example>' } }))).toBe('Microsoft JMRP complaint');
    expect(fires(structure.feedbackReport, mail({ text: 'Feedback-Type: abuse\nUser-Agent: x\nVersion: 1\n' }))).toBe('feedback report fields in the text');
    expect(fires(structure.feedbackReport, mail())).toBeUndefined();
  });

  it('read-receipt: a disposition notification', () => {
    const status = 'Reporting-UA: example.org\nOriginal-Message-ID: <a@b>\nDisposition: manual-action/MDN-sent-manually; displayed\n';
    expect(fires(structure.readReceipt, mail({ report: { reportType: 'disposition-notification', status } }))).toBe('message disposition notification');
    expect(fires(structure.readReceipt, mail({ attachments: [attachment('message/disposition-notification', status)] }))).toBeDefined();
    expect(fires(structure.readReceipt, mail({ report: { reportType: 'delivery-status', status: FAILED_DSN } }))).toBeUndefined();
  });

  it('sieve-reject: an automatic MDN that refuses the message is a failure, not a read receipt', () => {
    const status =
      'Reporting-UA: imap.example.org; Dovecot\nFinal-Recipient: rfc822; a@example.org\nDisposition: automatic-action/MDN-sent-automatically; deleted\n';
    const rejected = mail({ subject: 'Automatically rejected mail', report: { reportType: 'disposition-notification', status } });
    expect(fires(structure.sieveReject, rejected)).toBe('message refused (Sieve reject)');
    expect(fires(structure.readReceipt, rejected)).toBeUndefined();
    expect(fires(structure.sieveReject, mail({ subject: 'Not read: x', report: { reportType: 'disposition-notification', status } }))).toBeUndefined();
  });

  it('other-report: another named report type, not a missing or misspelt delivery-status', () => {
    expect(fires(structure.otherReport, mail({ report: { reportType: 'tlsrpt' } }))).toBe('report-type tlsrpt');
    expect(fires(structure.otherReport, mail({ report: { reportType: '' } }))).toBeUndefined();
    expect(fires(structure.otherReport, mail({ report: { reportType: 'delivery-stat' } }))).toBeUndefined();
  });

  it('ses-bounce-notification: SNS JSON with bounced recipients', () => {
    expect(fires(structure.sesBounceNotification, mail({ text: '{"notificationType":"Bounce","bounce":{"bouncedRecipients":[]}}' }))).toBe(
      'Amazon SES bounce notification',
    );
    expect(fires(structure.sesBounceNotification, mail({ text: '{"notificationType":"Delivery"}' }))).toBeUndefined();
  });

  it('returned-message: the attached message or headers were sent by the addressee of this mail', () => {
    const ours = anAttachment('text/rfc822-headers', 'From: 115@rostock.de\nSubject: Ihre Anfrage\n\n');
    const theirs = anAttachment('message/rfc822', 'From: someone@example.org\nSubject: x\n\nbody\n');
    expect(fires(structure.returnedMessage, mail({ attachments: [ours] }))).toBe('returns a message from 115@rostock.de');
    expect(fires(structure.returnedMessage, mail({ attachments: [theirs] }))).toBeUndefined();
  });

  it('forwarded-bounce: an attached message with a failed DSN, or from a system sender with a bounce subject', () => {
    const dsnMessage = `From: MAILER-DAEMON@mx.example.org\nSubject: Hello\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\nContent-Type: text/plain\n\nfailed\n--b\nContent-Type: message/delivery-status\n\n${FAILED_DSN}\n--b--\n`;
    const plainBounce = 'From: Mail Delivery System <nobody@mx.example.org>\nSubject: Undelivered Mail Returned to Sender\n\ntext\n';
    const citizenMail = 'From: erika@example.org\nSubject: Undelivered Mail Returned to Sender\n\nmy question\n';
    expect(fires(structure.forwardedBounce, mail({ attachments: [attachment('message/rfc822', dsnMessage)] }))).toBe('an attached message is a bounce');
    expect(fires(structure.forwardedBounce, mail({ attachments: [attachment('message/rfc822', plainBounce)] }))).toBeDefined();
    expect(fires(structure.forwardedBounce, mail({ attachments: [attachment('message/rfc822', citizenMail)] }))).toBeUndefined();
  });
});

describe('sender rules', () => {
  it.each([
    'mailer-daemon@mx.example.org',
    'MAILER_DAEMON@example.org',
    'postmaster@example.org',
    'mdaemon@example.org',
    'post_master@vtext.example',
    'bounces@example.org',
    'microsoftexchange329e71ec88ae4615bbc36ab6ce41109e@contoso.com',
    'mailer-daemon',
  ])('system-sender-address: %s', (address) =>
    expect(fires(sender.systemSenderAddress, mail({ from: { address: address.toLowerCase() } }))).toBe(`system sender ${address.toLowerCase()}`),
  );

  it.each(['noreply@example.org', 'erika@example.org', 'postmaster-office@example.org'])('system-sender-address: not %s', (address) =>
    expect(fires(sender.systemSenderAddress, mail({ from: { address } }))).toBeUndefined(),
  );

  it.each(['Mail Delivery System', 'Mail Delivery Subsystem', 'MAILER-DAEMON', 'Microsoft Outlook', 'Postmaster', 'Internet Mail Delivery'])(
    'system-sender-name: "%s"',
    (name) => expect(fires(sender.systemSenderName, mail({ from: { address: 'x@example.org', name } }))).toBe(`system sender name "${name}"`),
  );

  it('system-sender-name: not a person', () =>
    expect(fires(sender.systemSenderName, mail({ from: { address: 'x@example.org', name: 'Erika Mustermann' } }))).toBeUndefined());

  it('null-envelope-sender and null-return-path', () => {
    expect(fires(sender.nullEnvelopeSender, mail(), { ...context, envelopeFrom: '' })).toBe('null envelope sender <>');
    expect(fires(sender.nullEnvelopeSender, mail())).toBeUndefined();
    const unknownEnvelope = { ...context, envelopeFrom: undefined };
    expect(fires(sender.nullReturnPath, mail({ header: { 'Return-Path': '<>' } }), unknownEnvelope)).toBe('Return-Path: <>');
    expect(fires(sender.nullReturnPath, mail({ header: { 'Return-Path': '<MAILER-DAEMON>' } }), unknownEnvelope)).toBe('Return-Path: <MAILER-DAEMON>');
    expect(fires(sender.nullReturnPath, mail({ header: { 'Return-Path': '<erika@example.org>' } }), unknownEnvelope)).toBeUndefined();
  });

  it('no-sender, own-address and no-reply-sender', () => {
    expect(fires(sender.noSender, mail({ from: undefined }))).toBe('no From address');
    expect(fires(sender.ownAddress, mail({ from: { address: '115@rostock.de' } }))).toBe('sent from our own address 115@rostock.de');
    expect(fires(sender.noReplySender, mail({ from: { address: 'no-reply@sns.example.com' } }))).toBe('no-reply sender no-reply@sns.example.com');
    expect(fires(sender.noReplySender, mail())).toBeUndefined();
  });
});

describe('header rules', () => {
  it.each([
    [headers.xFailedRecipients, { 'X-Failed-Recipients': 'a@example.org' }, 'X-Failed-Recipients'],
    [headers.exchangeNdr, { 'X-MS-Exchange-Message-Is-Ndr': '' }, 'X-MS-Exchange-Message-Is-Ndr'],
    [headers.autoSubmitted, { 'Auto-Submitted': 'auto-replied (vacation)' }, 'Auto-Submitted: auto-replied (vacation)'],
    [headers.autoGenerated, { 'Auto-Submitted': 'auto-generated' }, 'Auto-Submitted: auto-generated'],
    [headers.precedence, { Precedence: 'bulk' }, 'Precedence: bulk'],
    [headers.xLoop, { 'X-Loop': '115@rostock.de' }, 'X-Loop'],
    [headers.autoResponseSuppress, { 'X-Auto-Response-Suppress': 'All' }, 'X-Auto-Response-Suppress'],
    [headers.listId, { 'List-Id': '<news.example.org>' }, 'List-Id'],
    [headers.listUnsubscribe, { 'List-Unsubscribe': '<mailto:u@example.org>' }, 'List-Unsubscribe'],
    [headers.inboxRulesLoop, { 'X-MS-Exchange-Inbox-Rules-Loop': 'a@example.org' }, 'X-MS-Exchange-Inbox-Rules-Loop'],
    [headers.webmailerAutoreply, { 'X-Autoreply': 'yes' }, 'x-autoreply'],
  ] as const)('%#: %j fires with its reason', (rule, header, reason) => {
    expect(fires(rule, mail({ header }))).toBe(reason);
    expect(fires(rule, mail())).toBeUndefined();
  });

  it('ignores Auto-Submitted: no, X-Autoreply: no and an empty X-Failed-Recipients', () => {
    expect(fires(headers.autoGenerated, mail({ header: { 'Auto-Submitted': 'no' } }))).toBeUndefined();
    expect(fires(headers.autoSubmitted, mail({ header: { 'Auto-Submitted': 'no' } }))).toBeUndefined();
    expect(fires(headers.webmailerAutoreply, mail({ header: { 'X-Autoreply': 'no' } }))).toBeUndefined();
    expect(fires(headers.xFailedRecipients, mail({ header: { 'X-Failed-Recipients': ' ' } }))).toBeUndefined();
  });
});

describe('subject rules', () => {
  it.each([
    'Undelivered Mail Returned to Sender',
    'Delivery Status Notification (Failure)',
    'Mail delivery failed: returning message to sender',
    'failure notice',
    'Returned mail: see transcript for details',
    'Undeliverable: Ihre Anfrage',
    'Unzustellbar: Ihre Anfrage',
    'Nicht zustellbar: Ihre Anfrage',
    'Non remis : Ihre Anfrage',
    'Message non délivré',
    'Rapport de non-remise',
    'Échec de la remise',
    'Mail System Error - Returned Mail',
    'DELIVERY FAILURE: User x not listed',
    'Delivery Notification: Delivery has failed',
    'Warning: message 1vXyZa-000Abe-56 delayed 24 hours',
    'Delayed Mail (still being retried)',
    'Nachricht konnte nicht zugestellt werden',
    'Mail-Zustellung fehlgeschlagen',
    '配信エラー',
    'Не доставлено: Ihre Anfrage',
    'Mail failure.',
    'mail failed, returning to sender',
    'No se puede entregar: Ihre Anfrage',
    'Mancata consegna: Ihre Anfrage',
    'Onbestelbaar: Ihre Anfrage',
  ])('bounce-subject: %s', (subject) => expect(fires(bounceSubject, mail({ subject }))).toBe('bounce subject'));

  it.each([
    'Frage zum Wohngeld',
    'Zustellung meines Pakets',
    'Re: Ihre Anfrage',
    'Delivery Status Notification (Success)',
    'Delivery Status Notification (Relay)',
  ])('bounce-subject: not %s', (subject) => expect(fires(bounceSubject, mail({ subject }))).toBeUndefined());

  it.each(['Automatische Antwort: Ihre Anfrage', 'Automatic reply: x', 'Abwesenheitsnotiz: x', 'Réponse automatique : x', 'Out of Office: x'])(
    'out-of-office-subject: %s',
    (subject) => expect(fires(outOfOfficeSubject, mail({ subject }))).toBe('out-of-office subject'),
  );

  it.each(['Re: x', 'AW: x', 'SV: x', 'Antw: x'])('reply-subject: %s', (subject) => expect(fires(replySubject, mail({ subject }))).toBe('reply subject'));

  it('reply-subject: not a forward or a bounce of a reply', () => {
    expect(fires(replySubject, mail({ subject: 'WG: x' }))).toBeUndefined();
    expect(fires(replySubject, mail({ subject: 'Undeliverable: Re: x' }))).toBeUndefined();
  });

  it.each(['Frage zur automatischen Antwort', 'Auto: Ummeldung nach Kauf', 'Abwesenheit: Urlaubsantrag'])('out-of-office-subject: not %s', (subject) =>
    expect(fires(outOfOfficeSubject, mail({ subject }))).toBeUndefined(),
  );
});

describe('body rules', () => {
  const examples: Record<string, string> = {
    postfix: 'This is the mail system at host mx.example.org.',
    qmail: 'Hi. This is the qmail-send program at mail.example.org.',
    exim: 'This message was created automatically by mail delivery software.',
    sendmail: '   ----- The following addresses had permanent fatal errors -----',
    courier: 'This is a delivery status notification from mail.example.info,\nrunning the Courier mail server, version 1.1.8.',
    opensmtpd: 'Hi!\n\nThis is the MAILER-DAEMON, please DO NOT REPLY to this email.',
    dragonfly: 'This is the DragonFly Mail Agent v0.13 at box.example.org.',
    exchange: 'Delivery has failed to these recipients or groups:',
    domino: 'Your message\n\n  Subject: x\n\nwas not delivered to:\n\n  a@example.org',
    gmail: "Your message wasn't delivered to a@example.org because the address couldn't be found",
    yahoo: 'Sorry, we were unable to deliver your message to the following address.',
    ses: 'An error occurred while trying to deliver the mail to the following recipients:',
    sendgrid: 'This is an automatically generated message from SendGrid.',
    'trendmicro-mcafee': 'Unable to deliver message to <a@example.jp>.',
    'kddi-ezweb': 'Your mail sent on: Wed\n  Could not be delivered to: <a@dion.ne.jp>',
    mailru: 'Это письмо создано автоматически сервером Mail.Ru',
    japanese: '以下の宛先へのメールは配信できませんでした。',
    'sendmail-original': 'The original message was received at Wed, 4 Mar 2026 14:00:01 +0100\nfrom mail.rostock.de',
    'smail-telekom': '|------------------------- Failed addresses follow: ---------------------|',
    notes: '------- Failure Reasons  --------',
    'generic-dsn-notice': 'This is an automatically generated Delivery Status Notification.',
    'smtp-transcript': '>>> RCPT To:<a@example.edu>\n<<< 550 5.1.1 User unknown',
  };

  it('has an example for every MTA phrase', () => expect(Object.keys(examples).sort()).toEqual(MTA_PHRASES.map((p) => p.name).sort()));

  it.each(Object.entries(examples))('mta-text-%s', (name, text) => {
    const rule = BODY_RULES.find((r) => r.name === `mta-text-${name}`)!;
    expect(fires(rule, mail({ text }))).toBe(`${name} bounce wording`);
    expect(fires(rule, mail())).toBeUndefined();
  });

  it.each([
    'Your message could not be delivered.',
    'Ihre Nachricht konnte nicht zugestellt werden.',
    "Le message n'a pas pu être remis.",
    '550 User unknown',
    'Mailbox full',
  ])('bounce-text: %s', (text) => expect(fires(bounceText, mail({ text }))).toBe('delivery failure wording'));

  it('bounce-text: not ordinary mail', () => expect(fires(bounceText, mail({ text: 'Mein Paket kam nicht an, wer ist zuständig?' }))).toBeUndefined());

  it('forwarded-content: forward subject, quoted history or an attached message', () => {
    expect(fires(forwardedContent, mail({ subject: 'WG: Hallo' }))).toBeDefined();
    expect(fires(forwardedContent, mail({ quotedText: '> old' }))).toBeDefined();
    expect(fires(forwardedContent, mail({ attachments: [attachment('message/rfc822', 'From: a@b\n\nx\n')] }))).toBeDefined();
    expect(fires(forwardedContent, mail())).toBeUndefined();
  });

  it('own-words: eight words or more above the forwarded part, not MTA wording', () => {
    const question = 'Meine Mail an das Amt kommt zurück, welche Adresse ist richtig?';
    expect(fires(ownWords, mail({ subject: 'Fwd: Undelivered Mail', text: question, quotedText: 'This is the mail system at host x.' }))).toMatch(
      /^the sender wrote \d+ words of their own$/,
    );
    expect(fires(ownWords, mail({ subject: 'Fwd: Undelivered Mail', text: 'Siehe unten', quotedText: 'This is the mail system at host x.' }))).toBeUndefined();
    expect(fires(ownWords, mail({ text: question }))).toBeUndefined();
    const gatewayNotice = 'The attached message was returned to its sender by a mail server.';
    expect(fires(ownWords, mail({ text: gatewayNotice, attachments: [anAttachment('message/rfc822', 'From: a@b\n\nx\n')] }))).toBeUndefined();
  });
});
