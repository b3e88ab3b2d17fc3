import { createHash, randomBytes } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { RunningService } from '@d115/platform';
import { TestEnvironment, waitFor } from '@d115/testing';
import { DemoGateway } from '../../apps/gateway/test/support/demo-gateway';
import { MailEnv } from '../../apps/mail/src/config/mail.env';
import { SmtpListener } from '../../apps/mail/src/intake/smtp/smtp-listener';
import { mailService } from '../../apps/mail/src/main';
import { ticketsService } from '../../apps/tickets/src/main';

const MAILBOX = '115@rostock.de';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A citizen mails files; the agent downloads them through the gateway from the case (mail → tickets → gateway → mail). */
describe('gateway + mail + tickets: attachments of a case', () => {
  let env: TestEnvironment;
  let gateway: DemoGateway;
  let mail: RunningService<MailEnv>;
  let agent: string;
  let ticket: { id: string; number: string; articles: { attachmentIds?: string[] }[] };
  // Larger than one piece of the mail service's reply (256 KiB), so the download streams several.
  const photo = randomBytes(700 * 1024);
  const page = Buffer.from('<html><script>alert(1)</script></html>');

  beforeAll(async () => {
    env = await TestEnvironment.create(['mail', 'tickets']);
    await env.start(ticketsService, { TICKETS_SCHEDULER_ENABLED: 'false' });
    mail = await env.start(mailService, {
      SMTP_PORT: '0',
      SMTP_HOST: '127.0.0.1',
      MAIL_IMAP_ENABLED: 'false',
      MAIL_MAILBOXES: JSON.stringify([{ address: MAILBOX, displayName: 'Bürgerservice 115', ars: '130030000000' }]),
    });
    gateway = await DemoGateway.start(env);
    agent = await gateway.token('demo-agent');
    const transport = createTransport({ host: '127.0.0.1', port: mail.app.get(SmtpListener).port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'erika@example.org',
      to: MAILBOX,
      subject: 'Foto für den Ausweisantrag',
      text: 'Anbei das Foto und die Seite.',
      attachments: [
        { filename: 'Passbild Größe.jpg', content: photo, contentType: 'image/jpeg' },
        { filename: 'seite.html', content: page, contentType: 'text/html' },
      ],
    });
    transport.close();
    const client = new RequestClient(await env.nats(), env.namespace, 5000);
    ticket = await waitFor(async () => {
      const found = await client.request(TicketSubjects.search, { actor: 'system:test', text: 'Ausweisantrag' });
      return found.items[0] ? await client.request(TicketSubjects.get, { actor: 'system:test', ticketId: found.items[0].id }) : undefined;
    }, 'the case of the mail');
  });

  afterAll(async () => {
    await env.dispose();
    gateway.removeKey();
  });

  const ids = () => ticket.articles.flatMap((article) => article.attachmentIds ?? []);
  const download = (id: string, query = '', token = agent) =>
    fetch(gateway.url(`/api/v1/cases/${ticket.id}/attachments/${id}${query}`), { headers: { authorization: `Bearer ${token}` } });

  it('streams a file of several pieces byte for byte, as a download with its UTF-8 name', async () => {
    expect(ids()).toHaveLength(2);
    const responses = await Promise.all(ids().map((id) => download(id)));
    const files = await Promise.all(responses.map(async (r) => ({ r, bytes: Buffer.from(await r.arrayBuffer()) })));
    const jpeg = files.find((f) => f.bytes.length === photo.length)!;
    expect(sha256(jpeg.bytes)).toBe(sha256(photo));
    expect(jpeg.r.status).toBe(200);
    expect(jpeg.r.headers.get('content-type')).toBe('application/octet-stream');
    expect(jpeg.r.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Passbild Größe.jpg')}`);
    expect(jpeg.r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(jpeg.r.headers.get('cache-control')).toContain('no-store');
  });

  it('shows an image inline on request, but never a type a browser would run', async () => {
    const answers = await Promise.all(ids().map((id) => download(id, '?inline=true')));
    const types = answers.map((r) => `${r.headers.get('content-type')} ${r.headers.get('content-disposition')?.split(';')[0]}`).sort();
    expect(types).toEqual(['application/octet-stream attachment', 'image/jpeg inline']);
    expect(answers[0].headers.get('content-security-policy')).toContain('sandbox');
  });

  it('answers a file that is not part of the case, or a malformed id, with a problem and sends nothing', async () => {
    const foreign = await download('0196b0a4-0000-7000-8000-000000000000');
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: 'MAIL.ATTACHMENT_NOT_FOUND' });
    const traversal = await download('..%2F..%2Fetc%2Fpasswd');
    expect(traversal.status).toBe(400);
  });

  it('records the read of the case with the agent’s id in its history', async () => {
    const supervisor = await gateway.token('demo-supervisor');
    const history = await gateway.call(supervisor, 'GET', `/api/v1/cases/${ticket.id}/history`);
    expect(history.body).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'demo-agent', action: 'read' })]));
  });
});
