import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestEnvironment, waitFor } from '@d115/testing';
import { fixture } from './support/mail-test-world';
import { SmtpDialog } from './support/smtp-dialog';

/** The built mail service as a real process (npm test builds dist/ first). */
describe('mail service process', () => {
  const main = join(__dirname, '..', '..', '..', 'dist', 'apps', 'mail', 'src', 'main.js');
  let env: TestEnvironment;

  const run = (vars: Record<string, string>): { child: ChildProcessWithoutNullStreams; output: () => string; exit: Promise<number | null> } => {
    const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH, ...vars } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    return { child, output: () => output, exit: new Promise((resolve) => child.on('exit', resolve)) };
  };

  beforeAll(async () => {
    env = await TestEnvironment.create(['mail']);
  });

  afterAll(() => env.dispose());

  it('refuses to start with a broken mailbox configuration, naming MAIL_MAILBOXES', async () => {
    const service = run(env.serviceEnv('mail', { SMTP_PORT: '0', MAIL_MAILBOXES: '[{"address": "115@rostock.de"}]' }));
    expect(await service.exit).toBe(1);
    expect(service.output()).toContain('MAIL_MAILBOXES [0].displayName');
  });

  it('starts its SMTP listener with the app, and on SIGTERM finishes the mail in DATA, refuses new ones and exits 0', async () => {
    const service = run(env.serviceEnv('mail', { SMTP_PORT: '0', SMTP_HOST: '127.0.0.1', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '8000' }));
    const port = Number(
      await waitFor(() => /"port":(\d+),"mailboxes":\["115@rostock.de"\],"msg":"SMTP listener ready"/.exec(service.output())?.[1], 'SMTP listener ready', {
        timeoutMs: 20000,
      }),
    );

    const dialog = await SmtpDialog.open(port);
    expect(await dialog.reply()).toMatch(/^220 .* ESMTP d115 mail intake$/);
    expect(await dialog.command('EHLO mx.example.org')).toMatch(/^250[- ]SIZE 26214400$/m);
    expect(await dialog.command('MAIL FROM:<erika.mustermann@example.org>')).toMatch(/^250/);
    expect(await dialog.command('RCPT TO:<115@rostock.de>')).toMatch(/^250/);
    expect(await dialog.command('DATA')).toMatch(/^354/);
    const raw = fixture('plain.eml').toString('latin1');
    dialog.write(raw.slice(0, 200));

    service.child.kill('SIGTERM');
    await waitFor(() => service.output().includes('"msg":"stopping"'), 'shutdown begun');
    // New connections are no longer accepted …
    await waitFor(
      () =>
        SmtpDialog.open(port).then(
          (d) => (d.close(), false),
          () => true,
        ),
      'listener closed',
    );
    // … but the mail in the middle of DATA is finished and stored.
    dialog.write(`${raw.slice(200)}\r\n.\r\n`);
    expect(await dialog.reply()).toMatch(/^250 2\.0\.0 Ok: queued as [0-9a-f-]{36}$/);
    dialog.close();

    expect(await service.exit).toBe(0);
    expect(service.output()).toContain('"msg":"SMTP listener stopped"');
    const sql = await env.sql();
    expect((await sql.query(`SELECT status FROM mail.inbound_message WHERE dedupe_key = 'plain-0001@mail.example.org'`)).rows).toEqual([{ status: 'stored' }]);
    // The event left through the outbox before the process ended.
    expect((await sql.query(`SELECT published_at IS NOT NULL AS published FROM mail.outbox`)).rows).toEqual([{ published: true }]);
  });
});
