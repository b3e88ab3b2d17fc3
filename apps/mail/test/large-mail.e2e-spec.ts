import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { TestEnvironment, waitFor } from '@d115/testing';

const MB = 1024 * 1024;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Peak and current resident set size of a process, from /proc (Linux). */
function residentSet(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/** A mail with one large attachment, ending in CRLF as a mail server hands it over (the SMTP DATA keeps that CRLF). */
async function largeMail(n: number, attachment: Buffer): Promise<Buffer> {
  const built = await new MailComposer({
    from: 'Erika Mustermann <erika.mustermann@example.org>',
    to: '115@rostock.de',
    subject: `Bauantrag mit Plänen ${n}`,
    messageId: `<large-${n}@mail.example.org>`,
    // CRLF line ends: the SMTP client would turn bare LFs into CRLF on the way.
    text: 'Guten Tag,\r\n\r\nanbei die Pläne zu meinem Bauantrag.\r\n\r\nMit freundlichen Grüßen\r\nErika Mustermann\r\n',
    attachments: [{ filename: `plaene-${n}.pdf`, content: attachment, contentType: 'application/pdf' }],
  })
    .compile()
    .build();
  return Buffer.concat([built, Buffer.from('\r\n')]);
}

/**
 * Large attachments through the built mail service as a real process (npm test
 * builds dist/ first): stored byte for byte, while the process's peak RSS stays
 * bounded — the DATA is spooled to a file, parsed and stored within
 * MAIL_INTAKE_MAX_BYTES_IN_PROGRESS, and written to Postgres in pieces.
 */
describe('mail service process with large attachments', () => {
  const main = join(__dirname, '..', '..', '..', 'dist', 'apps', 'mail', 'src', 'main.js');
  let env: TestEnvironment;
  let sql: Client;
  let child: ChildProcess;
  let output = '';

  beforeAll(async () => {
    env = await TestEnvironment.create(['mail']);
    sql = await env.sql();
    // The heap limit a container with the deployment's 512 Mi memory limit gives V8 anyway (see docs/mail.md).
    child = spawn(process.execPath, ['--max-old-space-size=256', main], {
      env: { PATH: process.env.PATH, ...env.serviceEnv('mail', { SMTP_PORT: '0', SMTP_HOST: '127.0.0.1', LOG_LEVEL: 'info', MAIL_ACK_MAX_PER_HOUR: '0' }) },
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await env.dispose();
  });

  it('stores four 16 MB attachments arriving at once intact (SHA-256), raw mail included, with the peak RSS under 400 MB', async () => {
    const port = Number(
      await waitFor(() => /"port":(\d+),"mailboxes":\[[^\]]*\],"msg":"SMTP listener ready"/.exec(output)?.[1], 'SMTP listener ready', { timeoutMs: 30000 }),
    );
    const idle = residentSet(child.pid!);
    const attachments = [1, 2, 3, 4].map(() => randomBytes(16 * MB));
    const mails = await Promise.all(attachments.map((attachment, i) => largeMail(i + 1, attachment)));

    const replies = await Promise.all(
      mails.map(async (raw) => {
        const transport = createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
        try {
          return (await transport.sendMail({ envelope: { from: 'erika.mustermann@example.org', to: ['115@rostock.de'] }, raw })).response;
        } finally {
          transport.close();
        }
      }),
    );
    expect(replies).toEqual(attachments.map(() => expect.stringMatching(/^250 2\.0\.0 Ok: queued as /)));

    const stored = await sql.query<{
      rfc: string;
      filename: string;
      size: number;
      sha256: string;
      content_sha256: string;
      content_size: number;
      raw_sha256: string;
    }>(
      `SELECT m.rfc_message_id AS rfc, a.filename, a.size, a.sha256, encode(sha256(b.content), 'hex') AS content_sha256, length(b.content) AS content_size,
              encode(sha256(i.raw), 'hex') AS raw_sha256
         FROM mail.attachment a JOIN mail.blob b ON b.key = a.blob_key JOIN mail.message m ON m.id = a.message_id JOIN mail.inbound_message i ON i.id = m.id
        ORDER BY a.filename`,
    );
    expect(stored.rows).toEqual(
      attachments.map((attachment, i) => ({
        rfc: `large-${i + 1}@mail.example.org`,
        filename: `plaene-${i + 1}.pdf`,
        size: 16 * MB,
        sha256: sha256(attachment),
        content_sha256: sha256(attachment),
        content_size: 16 * MB,
        raw_sha256: sha256(mails[i]),
      })),
    );
    const { peak } = residentSet(child.pid!);
    process.stdout.write(`mail service RSS: ${Math.round(idle.now / MB)} MB idle, peak ${Math.round(peak / MB)} MB with four ${mails[0].length} byte mails\n`);
    // One 22 MB mail costs ~100–200 MB while it is parsed (the parser holds the raw mail, the decoded
    // attachment and its intermediate copies); MAIL_INTAKE_MAX_BYTES_IN_PROGRESS keeps the others
    // waiting on disk instead of adding theirs (all at once: ~420 MB with three).
    expect(peak).toBeLessThan(400 * MB);
  }, 180_000);
});
