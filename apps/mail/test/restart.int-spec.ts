import { createServer } from 'node:net';
import { createTransport } from 'nodemailer';
import { MailMessageReceivedEvent, MailSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { fixture, MailTestWorld } from './support/mail-test-world';

const MAILS = 60;
const SENDERS = 5;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Mail servers keep delivering while the service restarts: whatever was
 * answered 250 is stored once and announced once; whatever was not is retried
 * by the sender (as a real MTA does) and arrives after the restart.
 */
describe('restart while mail is arriving', () => {
  let world: MailTestWorld;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    world = await MailTestWorld.create({ SMTP_PORT: String(port) });
  });

  afterAll(() => world.dispose());

  it('loses and duplicates nothing', async () => {
    const accepted = new Set<number>();
    let refusals = 0;
    const raw = (n: number) => fixture('plain.eml').toString().replace('plain-0001@', `restart-${n}@`).replace('Ummeldung', `Ummeldung ${n}`);

    /** An MTA's delivery: try until the service says 250. */
    function sendUntilAccepted(n: number): Promise<boolean> {
      return waitFor(
        async () => {
          const transport = createTransport({ host: '127.0.0.1', port, ignoreTLS: true, connectionTimeout: 2000 });
          try {
            await transport.sendMail({ envelope: { from: 'mta@example.org', to: '115@rostock.de' }, raw: raw(n) });
            return true;
          } catch {
            refusals++;
            return false;
          } finally {
            transport.close();
          }
        },
        `delivery of mail ${n}`,
        { timeoutMs: 30000, intervalMs: 50 },
      );
    }

    /** A lost 250 (every 7th mail) makes the MTA deliver the same mail again. */
    async function deliver(n: number): Promise<void> {
      await sendUntilAccepted(n);
      accepted.add(n);
      if (n % 7 === 0) await sendUntilAccepted(n);
    }

    const queue = Array.from({ length: MAILS }, (_, i) => i + 1);
    const senders = Array.from({ length: SENDERS }, async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) await deliver(n);
    });
    const restart = (async () => {
      await waitFor(() => accepted.size >= MAILS / 3, 'a third of the mail accepted');
      await world.restart();
    })();
    await Promise.all([...senders, restart]);
    expect(accepted.size).toBe(MAILS);

    // Stored once each.
    const rows = await world.rows<{ dedupe_key: string; copies: number }>(
      `SELECT dedupe_key, count(*)::int AS copies FROM mail.inbound_message WHERE dedupe_key LIKE 'restart-%' GROUP BY dedupe_key`,
    );
    expect(rows).toHaveLength(MAILS);
    expect(rows.every((r) => r.copies === 1)).toBe(true);
    expect(await world.rows(`SELECT 1 FROM mail.message WHERE rfc_message_id LIKE 'restart-%'`)).toHaveLength(MAILS);

    // Announced once each: on the stream, and as seen by a subscriber.
    const jsm = await world.nc.jetstreamManager();
    const subject = world.env.namespace.subject(MailSubjects.messageReceived);
    await waitFor(async () => {
      const info = await jsm.streams.info(world.env.streamName('EVENTS'), { subjects_filter: subject });
      return (info.state.subjects as Record<string, number> | undefined)?.[subject] === MAILS;
    }, `${MAILS} message.received events in the stream`);
    const events = world.published<MailMessageReceivedEvent>(MailSubjects.messageReceived).filter((e) => e.rfcMessageId.startsWith('<restart-'));
    expect(new Set(events.map((e) => e.rfcMessageId)).size).toBe(MAILS);
    expect(events).toHaveLength(MAILS);
    expect(await world.rows(`SELECT 1 FROM mail.outbox WHERE published_at IS NULL`)).toEqual([]);
    // The restart really interrupted deliveries (refused or cut connections were retried).
    expect(refusals).toBeGreaterThan(0);
  }, 90000);
});
