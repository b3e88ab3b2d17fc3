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
    world = await MailTestWorld.create({
      SMTP_MAX_CONNECTIONS_PER_CLIENT: '2',
      SMTP_MAX_MESSAGES_PER_MINUTE: '3',
      SMTP_TRUSTED_NETWORKS: '127.0.0.2/32, 2001:db8::/32',
    });
  });

  /** Delivers `count` mails from the given loopback address (Linux routes all of 127/8 to lo); the reply codes. */
  const deliverFrom = async (localAddress: string, count: number, id: string): Promise<string[]> => {
    const transport = createTransport({ host: '127.0.0.1', port: world.smtpPort, ignoreTLS: true, localAddress, pool: true, maxConnections: 1 });
    try {
      const outcomes: string[] = [];
      for (let n = 1; n <= count; n++) {
        const raw = fixture('plain.eml').toString('latin1').replace('plain-0001@', `${id}-${n}@`);
        outcomes.push(
          await transport
            .sendMail({ envelope: { from: 'relay@rostock.de', to: ['115@rostock.de'] }, raw })
            .then((info) => info.response.slice(0, 3))
            .catch((error: { response: string }) => error.response),
        );
      }
      return outcomes;
    } finally {
      transport.close();
    }
  };

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
      outcomes.push(
        await world
          .deliver(raw)
          .then((info) => info.response.slice(0, 3))
          .catch((error: { response: string }) => error.response),
      );
    }
    expect(outcomes.slice(0, 3)).toEqual(['250', '250', '250']);
    expect(outcomes[3]).toMatch(/^451 4\.7\.1 Too many messages from your address, try again later/);
    expect(await world.rows(`SELECT 1 FROM mail.inbound_message WHERE dedupe_key = 'rate-4@mail.example.org'`)).toEqual([]);
  });

  it('lets a trusted relay (SMTP_TRUSTED_NETWORKS) send beyond the rate, while an untrusted address still gets 451', async () => {
    expect(await deliverFrom('127.0.0.2', 5, 'trusted')).toEqual(['250', '250', '250', '250', '250']);
    const untrusted = await deliverFrom('127.0.0.3', 4, 'untrusted');
    expect(untrusted.slice(0, 3)).toEqual(['250', '250', '250']);
    expect(untrusted[3]).toMatch(/^451 4\.7\.1 /);
    const stored = await world.rows<{ client_address: string }>(
      `SELECT client_address FROM mail.inbound_message WHERE dedupe_key LIKE 'trusted-%' ORDER BY dedupe_key`,
    );
    expect(stored).toEqual(Array.from({ length: 5 }, () => ({ client_address: '127.0.0.2' })));
  });
});

describe('SMTP with STARTTLS and AUTH configured', () => {
  let world: MailTestWorld;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'd115-smtp-tls-'));
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      {
        stdio: 'ignore',
      },
    );
    world = await MailTestWorld.create({
      SMTP_TLS_KEY_FILE: join(dir, 'key.pem'),
      SMTP_TLS_CERT_FILE: join(dir, 'cert.pem'),
      SMTP_AUTH_USERS: 'mx-rostock:geheim123',
      SMTP_MAX_MESSAGES_PER_MINUTE: '1',
    });
  });

  afterAll(async () => {
    await world.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (auth?: { user: string; pass: string }, raw = fixture('plain.eml')) => {
    const transport = createTransport({
      host: '127.0.0.1',
      port: world.smtpPort,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      ...(auth ? { auth } : {}),
    });
    return transport.sendMail({ envelope: { from: 'erika.mustermann@example.org', to: '115@rostock.de' }, raw }).finally(() => transport.close());
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

  it('does not hold authenticated clients to the message rate (SMTP_MAX_MESSAGES_PER_MINUTE is 1 here)', async () => {
    const auth = { user: 'mx-rostock', pass: 'geheim123' };
    for (const n of [1, 2, 3]) {
      const raw = fixture('plain.eml').toString('latin1').replace('plain-0001@', `auth-rate-${n}@`);
      await expect(send(auth, Buffer.from(raw, 'latin1'))).resolves.toMatchObject({ response: expect.stringMatching(/^250 /) });
    }
  });
});
