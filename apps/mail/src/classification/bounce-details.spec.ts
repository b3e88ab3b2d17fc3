import { ParsedMail } from '../parsing/parsed-mail';
import { aParsedMail, anAttachment } from '../../test/support/parsed-mail.builder';
import { readBounceDetails, statusOf } from './bounce-details';
import { readEvidence } from './mail-evidence';

const context = { envelopeFrom: '', isOwnAddress: (a: string) => a === '115@rostock.de' };

function bounceMail(text: string, header: Record<string, string> = {}, attachments: ParsedMail['attachments'] = []): ParsedMail {
  return aParsedMail({ text, header, attachments, subject: 'Undelivered Mail Returned to Sender', from: { address: 'mailer-daemon@mx.example.org' } });
}

const sut = (text: string, header?: Record<string, string>, attachments?: ParsedMail['attachments']) =>
  readBounceDetails(readEvidence(bounceMail(text, header, attachments), context));

describe('readBounceDetails', () => {
  it.each([
    [
      'Postfix',
      '<a@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <a@example.org>: User unknown (in reply to RCPT TO command)',
      'a@example.org',
      'permanent',
      '5.1.1',
    ],
    [
      'qmail',
      '<a@example.org>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 Sorry, no mailbox here by that name.\nGiving up on 192.0.2.1.',
      'a@example.org',
      'permanent',
      undefined,
    ],
    [
      'Exim',
      '  a@example.org\n    host mx.example.org [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<a@example.org>:\n    452 4.2.2 Mailbox full',
      'a@example.org',
      'temporary',
      '4.2.2',
    ],
    [
      'Exchange',
      "Delivery has failed to these recipients or groups:\n\na@example.org\nThe mailbox is unavailable.\n\nRemote Server returned '550 5.2.1 mailbox disabled'",
      'a@example.org',
      'permanent',
      '5.2.1',
    ],
    ['Gmail', "Your message wasn't delivered to a@example.org because the address couldn't be found.", 'a@example.org', 'permanent', undefined],
    [
      'Sendmail',
      '   ----- The following addresses had permanent fatal errors -----\n<a@example.org>\n    (reason: Service unavailable)',
      'a@example.org',
      'permanent',
      undefined,
    ],
    ['a delay', 'Delivery to a@example.org has been delayed; we will keep trying.', 'a@example.org', 'temporary', undefined],
  ])('reads %s text: recipient, kind and status', (_, text, recipient, kind, status) => {
    const details = sut(text);
    expect(details.failedRecipients[0]).toMatchObject({ recipient, kind, ...(status ? { status } : {}) });
    expect(details.kind).toBe(kind);
  });

  it('takes X-Failed-Recipients before the text, every address of it', () => {
    const details = sut('Delivery failed for several recipients: 550 5.1.1 unknown', { 'X-Failed-Recipients': 'a@example.org, b@example.org' });
    expect(details.failedRecipients.map((r) => r.recipient)).toEqual(['a@example.org', 'b@example.org']);
    expect(details.kind).toBe('permanent');
  });

  it('never names our own mailbox, the bounce sender or the returned message sender as the failed recipient', () => {
    const returned = anAttachment('text/rfc822-headers', 'From: Erika <erika@example.org>\nMessage-ID: <orig-1@example.org>\n\n');
    const details = sut(
      'The original message was received from 115@rostock.de at mailer-daemon@mx.example.org.\nSender: erika@example.org\n\n<x@example.net>: 550 5.1.1 unknown user',
      {},
      [returned],
    );
    expect(details.failedRecipients.map((r) => r.recipient)).toEqual(['x@example.net']);
    expect(details.originalMessageId).toBe('orig-1@example.org');
  });

  it('stops reading at the copy of the original message', () => {
    const details = sut(
      'Mail could not be delivered.\n\n------ This is a copy of the message, including all the headers. ------\nTo: someone@example.org\nMessage-ID: <reply-7@rostock.de>\n',
    );
    expect(details.failedRecipients).toEqual([]);
    expect(details.originalMessageId).toBe('reply-7@rostock.de');
  });

  it('reads an SES bounce notification', () => {
    const details = sut(
      '{"notificationType":"Bounce","bounce":{"bounceType":"Transient","bouncedRecipients":[{"emailAddress":"a@example.org","status":"4.2.2"}]}}',
    );
    expect(details.failedRecipients).toEqual([{ recipient: 'a@example.org', kind: 'temporary', status: '4.2.2' }]);
  });
});

describe('statusOf', () => {
  it('follows the enhanced status code, then the SMTP reply code, then the words', () => {
    expect(statusOf('552 5.2.2 mailbox full')).toEqual({ kind: 'permanent', status: '5.2.2' });
    expect(statusOf('said: 452 mailbox full')).toEqual({ kind: 'temporary' });
    expect(statusOf('mailbox full')).toEqual({ kind: 'temporary' });
    expect(statusOf('User unknown')).toEqual({ kind: 'permanent' });
    expect(statusOf('something went wrong')).toEqual({ kind: 'unknown' });
  });

  it('does not read IP addresses, versions or dates as codes', () => {
    expect(statusOf('host 5.1.1.4 port 25, Courier 0.65.2, Wed, 4 Mar 2026')).toEqual({ kind: 'unknown' });
  });
});
