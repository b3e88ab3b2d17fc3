import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseMessageUsecase } from '../../../parsing/usecases/parse-message/parse-message.usecase';
import { ParsedMail } from '../../../parsing/parsed-mail';
import { ClassifyContext, ClassifyMessageUsecase } from './classify-message.usecase';

const parser = new ParseMessageUsecase({ MAIL_MAX_MIME_PARTS: 100 });
async function parse(name: string, replace: Record<string, string> = {}): Promise<ParsedMail> {
  let raw = readFileSync(join(__dirname, '../../../../test/fixtures', name), 'latin1');
  for (const [from, to] of Object.entries(replace)) raw = raw.split(from).join(to);
  const outcome = await parser.execute(Buffer.from(raw, 'latin1'));
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.mail;
}

function mailWith(headers: Record<string, string>, subject = 'Frage'): ParsedMail {
  return {
    headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
    subject,
    from: { address: headers.From ?? 'erika@example.org' },
    replyTo: [],
    to: [],
    cc: [],
    references: [],
    text: '',
    attachments: [],
    contentType: 'text/plain',
  };
}

describe('ClassifyMessageUsecase', () => {
  const sut = new ClassifyMessageUsecase();
  const context: ClassifyContext = { envelopeFrom: 'erika@example.org', isOwnAddress: (a) => a === '115@rostock.de' };

  it.each(['plain.eml', 'html-only.eml', 'attachments.eml', 'reply-with-ticket-number.eml', 'stranger-reply.eml', 'broken-encoding.eml'])(
    '%s is normal',
    async (name) => {
      expect(sut.execute(await parse(name), context)).toEqual({ classification: 'normal', reasons: [], failedRecipients: [] });
    },
  );

  it('recognises an Exchange out-of-office reply', async () => {
    const result = sut.execute(await parse('exchange-out-of-office.eml'), context);
    expect(result.classification).toBe('auto-reply');
    expect(result.reasons).toEqual(
      expect.arrayContaining(['Auto-Submitted: auto-generated', 'X-Auto-Response-Suppress', 'X-MS-Exchange-Inbox-Rules-Loop', 'out-of-office subject']),
    );
  });

  it('recognises a webmailer out-of-office reply without RFC 3834 headers', async () => {
    const result = sut.execute(await parse('webmailer-out-of-office.eml'), context);
    expect(result).toMatchObject({ classification: 'auto-reply', reasons: ['x-autoreply', 'out-of-office subject'] });
  });

  it('treats a mailing-list mail as automated', async () => {
    const result = sut.execute(await parse('mailing-list.eml'), context);
    expect(result).toMatchObject({ classification: 'auto-reply', reasons: ['Precedence: list', 'List-Id', 'List-Unsubscribe'] });
  });

  it('reads a Postfix DSN: original Message-ID, recipient, status, permanent', async () => {
    const result = sut.execute(await parse('postfix-bounce.eml', { '{{ORIGINAL_ID}}': 'reply-42@rostock.de' }), { ...context, envelopeFrom: '' });
    expect(result).toMatchObject({
      classification: 'bounce',
      originalMessageId: 'reply-42@rostock.de',
      bounce: { kind: 'permanent', recipient: 'nobody@example.org', status: '5.1.1', originalMessageId: '<reply-42@rostock.de>' },
      failedRecipients: [{ recipient: 'nobody@example.org', status: '5.1.1', kind: 'permanent', diagnostic: expect.stringContaining('User unknown') }],
    });
  });

  it('calls a delayed delivery a temporary bounce and a success notice a report', async () => {
    const delayed = await parse('postfix-bounce.eml', { 'Action: failed': 'Action: delayed', 'Status: 5.1.1': 'Status: 4.4.1' });
    expect(sut.execute(delayed, context).bounce).toMatchObject({ kind: 'temporary', status: '4.4.1' });
    const delivered = await parse('postfix-bounce.eml', { 'Action: failed': 'Action: delivered', 'Status: 5.1.1': 'Status: 2.0.0' });
    const report = sut.execute(delivered, context);
    expect(report.classification).toBe('report');
    expect(report.bounce).toBeUndefined();
  });

  it('calls a read receipt a report and keeps the Message-ID it is about', async () => {
    expect(sut.execute(await parse('read-receipt.eml'), context)).toMatchObject({ classification: 'report', originalMessageId: 'reply-0001@rostock.de' });
  });

  it('recognises a bounce that is not RFC 3464 by its system sender and subject', () => {
    const mail = mailWith({ From: 'MAILER-DAEMON@old.example.org' }, 'Mail delivery failed: returning message to sender');
    expect(sut.execute({ ...mail, from: { address: 'mailer-daemon@old.example.org' } }, context)).toMatchObject({
      classification: 'bounce',
      bounce: { kind: 'unknown' },
    });
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
    [{ Precedence: 'bulk' }, 'Precedence: bulk'],
    [{ Precedence: 'junk' }, 'Precedence: junk'],
    [{ 'X-Loop': '115@rostock.de' }, 'X-Loop'],
    [{ 'X-Auto-Response-Suppress': 'OOF, AutoReply' }, 'X-Auto-Response-Suppress'],
    [{ 'List-Unsubscribe': '<mailto:u@example.org>' }, 'List-Unsubscribe'],
    [{ 'X-Autorespond': 'Ich bin nicht da' }, 'x-autorespond'],
  ])('treats %j as automated', (headers, reason) => {
    expect(sut.execute(mailWith(headers), context)).toMatchObject({ classification: 'auto-reply', reasons: [reason] });
  });

  it('does not treat Auto-Submitted: no or Precedence: first-class as automated', () => {
    expect(sut.execute(mailWith({ 'Auto-Submitted': 'no', Precedence: 'first-class' }), context).classification).toBe('normal');
  });

  it('treats mail from mailer-daemon or postmaster, to the null sender, or from ourselves as automated', () => {
    expect(sut.execute({ ...mailWith({}), from: { address: 'postmaster@example.org' } }, context).reasons).toEqual(['system sender postmaster@example.org']);
    expect(sut.execute(mailWith({}), { ...context, envelopeFrom: '' }).reasons).toEqual(['null envelope sender <>']);
    expect(sut.execute({ ...mailWith({}), from: { address: '115@rostock.de' } }, context).reasons).toEqual(['sent from our own address 115@rostock.de']);
  });
});
