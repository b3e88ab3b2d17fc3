import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { waitFor } from '@d115/testing';
import { fixture, MailTestWorld } from './support/mail-test-world';

/** Opens a plain TCP connection and waits for the server's first reply line. */
async function connect(port: number): Promise<{ socket: Socket; greeting: string }> {
  const socket = new Socket();
  const greeting = await new Promise<string>((resolve, reject) => {
    socket.once('data', (data) => resolve(data.toString()));
    socket.once('error', reject);
    socket.connect(port, '127.0.0.1');
  });
  return { socket, greeting };
}

describe('SMTP limits per client', () => {
  let world: MailTestWorld;

  beforeAll(async () => {
    world = await MailTestWorld.create({ SMTP_MAX_CONNECTIONS_PER_CLIENT: '2', SMTP_MAX_MESSAGES_PER_MINUTE: '3' });
  });

  afterAll(() => world.dispose());

  it('says 421 to a client that already holds the maximum of connections, and serves it again once one closes', async () => {
    const first = await connect(world.smtpPort);
    const second = await connect(world.smtpPort);
    expect(first.greeting).toMatch(/^220 /);
    const third = await connect(world.smtpPort);
    expect(third.greeting).toMatch(/^421 4\.7\.0 Too many connections from your address/);
    third.socket.destroy();
    first.socket.destroy();
    await waitFor(async () => {
      const next = await connect(world.smtpPort);
      next.socket.destroy();
      return next.greeting.startsWith('220');
    }, 'a connection slot');
    second.socket.destroy();
  });

  it('says 451 (try again later) to a client sending more messages per minute than allowed', async () => {
    const outcomes: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const raw = fixture('plain.eml').toString('latin1').replace('plain-0001@', `rate-${n}@`);
      outcomes.push(await world.deliver(raw).then((info) => info.response.slice(0, 3)).catch((error: { response: string }) => error.response));
    }
    expect(outcomes.slice(0, 3)).toEqual(['250', '250', '250']);
    expect(outcomes[3]).toMatch(/^451 4\.7\.1 Too many messages from your address, try again later/);
    expect(await world.rows(`SELECT 1 FROM mail.inbound_message WHERE dedupe_key = 'rate-4@mail.example.org'`)).toEqual([]);
  });
});

describe('SMTP with STARTTLS and AUTH configured', () => {
  let world: MailTestWorld;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'd115-smtp-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], {
      stdio: 'ignore',
    });
    world = await MailTestWorld.create({
      SMTP_TLS_KEY_FILE: join(dir, 'key.pem'),
      SMTP_TLS_CERT_FILE: join(dir, 'cert.pem'),
      SMTP_AUTH_USERS: 'mx-rostock:geheim123',
    });
  });

  afterAll(async () => {
    await world.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (auth?: { user: string; pass: string }) => {
    const transport = createTransport({ host: '127.0.0.1', port: world.smtpPort, requireTLS: true, tls: { rejectUnauthorized: false }, ...(auth ? { auth } : {}) });
    return transport.sendMail({ envelope: { from: 'erika.mustermann@example.org', to: '115@rostock.de' }, raw: fixture('plain.eml') }).finally(() => transport.close());
  };

  it('refuses mail without authentication', async () => {
    await expect(send()).rejects.toMatchObject({ responseCode: 530, response: expect.stringMatching(/authentication required/i) });
  });

  it('refuses wrong credentials', async () => {
    await expect(send({ user: 'mx-rostock', pass: 'falsch' })).rejects.toMatchObject({ responseCode: 535 });
  });

  it('accepts mail over STARTTLS from an authenticated server', async () => {
    const info = await send({ user: 'mx-rostock', pass: 'geheim123' });
    expect(info.response).toMatch(/^250 /);
    expect(await world.rows(`SELECT status FROM mail.inbound_message WHERE dedupe_key = 'plain-0001@mail.example.org'`)).toEqual([{ status: 'stored' }]);
  });
});
