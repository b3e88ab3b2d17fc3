import { NatsConnection } from 'nats';
import { Client } from 'pg';
import { TestEnvironment, waitFor } from '@d115/testing';
import { mailOutcome, notExactlyOnce, waitUntilSettled } from './support/mail-outcome';
import { sendAll } from './support/mail-senders';
import { mailAndTickets, ServiceProcess } from './support/service-process';

/** Scale for a bigger manual run: RELIABILITY_MAILS=2000 npx jest test/reliability/process-kills.e2e-spec.ts --selectProjects integration */
const MAILS = Number(process.env.RELIABILITY_MAILS ?? 400);
const CLIENTS = 10;
/** Fixed ports (the suite's range 42000–42999): a restarted service must be found where the senders expect it. */
const PORTS = { smtp: 42121, mailOps: 42122, ticketsOps: 42123 };

/**
 * Crash safety of the mail → case path, measured as ops would: while mail
 * servers deliver over SMTP, the mail service and the tickets service are each
 * killed twice with SIGKILL and started again. Every mail answered 250 is stored
 * once, announced once (mail.message.received on the stream) and opens one case.
 */
describe('mail and tickets killed while mail arrives', () => {
  let env: TestEnvironment;
  let sql: Client;
  let nc: NatsConnection;
  let mail: ServiceProcess;
  let tickets: ServiceProcess;
  const prefix = `kill-${Date.now().toString(36)}`;

  beforeAll(async () => {
    env = await TestEnvironment.create(['mail', 'tickets']);
    sql = await env.sql();
    nc = await env.nats();
    ({ mail, tickets } = mailAndTickets(env, PORTS));
    await Promise.all([mail.start(), tickets.start()]);
  }, 120_000);

  afterAll(async () => {
    await mail?.kill();
    await tickets?.kill();
    await env?.dispose();
  });

  it(`stores, announces and opens a case for each of ${MAILS} mails exactly once`, async () => {
    let accepted = 0;
    const kills: string[] = [];
    const killAt = async (share: number, service: ServiceProcess) => {
      await waitFor(() => accepted >= MAILS * share, `${share * 100} % of the mail accepted`, { timeoutMs: 120_000, intervalMs: 5 });
      await service.kill('SIGKILL');
      kills.push(`${service.service} at ${accepted}`);
      return service.start();
    };
    // Two chains side by side: each service is killed, started again, then killed a second time further on.
    const killing = Promise.all([
      (async () => {
        await killAt(0.15, mail);
        await killAt(0.5, mail);
      })(),
      (async () => {
        await killAt(0.3, tickets);
        await killAt(0.7, tickets);
      })(),
    ]);
    const started = Date.now();
    const sent = await sendAll({ port: PORTS.smtp, count: MAILS, clients: CLIENTS, prefix, onAccepted: (n) => (accepted = n) });
    await killing;
    const sentMs = Date.now() - started;

    await waitUntilSettled(env, sql, nc, prefix, MAILS);
    const settledMs = Date.now() - started;
    const outcome = await mailOutcome(env, sql, nc, prefix);
    process.stdout.write(
      `process kills: ${MAILS} mails from ${CLIENTS} clients in ${sentMs} ms, all cases after ${settledMs} ms; kills: ${kills.join(', ')}; ` +
        `retries: ${sent.connectionFailures} connection failures, refusals ${JSON.stringify(Object.fromEntries(sent.refusedWith))}\n`,
    );

    const ids = Array.from({ length: MAILS }, (_, i) => `${prefix}-${i + 1}@example.org`);
    expect(sent.accepted.size).toBe(MAILS);
    expect(kills).toHaveLength(4);
    expect(notExactlyOnce(ids, outcome.stored)).toEqual([]);
    expect(notExactlyOnce(ids, outcome.announced)).toEqual([]);
    expect(notExactlyOnce(ids, outcome.cases)).toEqual([]);
    expect(Number((await sql.query('SELECT count(*)::int AS c FROM tickets.ticket')).rows[0].c)).toBe(MAILS);
    expect(outcome.deadLetters).toBe(0);
    // The kills really interrupted the senders (they had to retry).
    expect(sent.connectionFailures + [...sent.refusedWith.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 240_000);
});
