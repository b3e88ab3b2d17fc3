import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { eventTypeOf, MailMessageReceivedEvent, MailSubjects, TicketSubjects } from '@d115/contracts';
import { dropDatabase, provisionDatabase, withCredentials, withDatabase } from '@d115/database';
import { Namespace, RequestClient, STREAMS } from '@d115/messaging';
import { bootstrapService, DATA_SOURCE, RunningService } from '@d115/platform';
import { eligibleQueues } from '../apps/tickets/src/agents/domain/eligibility';
import { OfferCaseUsecase } from '../apps/tickets/src/assignment/usecases/offer-case/offer-case.usecase';
import { TakeNextUsecase } from '../apps/tickets/src/assignment/usecases/take-next/take-next.usecase';
import { berlinYear } from '../apps/tickets/src/cases/domain/berlin-year';
import { TicketsEnv } from '../apps/tickets/src/config/tickets.env';
import { ticketsService } from '../apps/tickets/src/main';
import { postgresInsertRate } from './support/raw-capacity';
import { fixed, percentile } from './support/stats';

interface Options {
  agents: number;
  cases: number;
  seconds: number;
  /** Agents asking for work at the same time. */
  concurrency: number;
  /** New cases per second arriving while agents take work. */
  arrivals: number;
  mails: number;
  offers: number;
  /** Seconds of the raw Postgres commit measurement (0 skips it). */
  rawSeconds: number;
  /** Diagnostics: leave the database in place (its name is printed). */
  keepDatabase: boolean;
}

const QUEUES = ['general', 'meldewesen', 'kfz', 'auslaender', 'soziales', 'gewerbe', 'bauen', 'steuern', 'familie', 'english'];
const EXPRESSIONS: Record<string, string | null> = { kfz: 'kfz >= 1', english: 'lang.en >= 2' };

/**
 * `npm run bench -- routing [--agents=2000] [--cases=100000] [--seconds=20] [--concurrency=4] [--arrivals=50] [--mails=5000] [--offers=3000] [--raw-seconds=5]`
 *
 * With 2,000 agents and 100,000 waiting cases in the database:
 *  1. "take next" decisions per second and their latency (as the agent console sees them, over NATS)
 *     while new cases arrive (create requests) at a steady rate;
 *  2. offer decisions (a waiting case → the best available agent, a reservation) per second and latency;
 *  3. cases per second created from `mail.message.received` events, end to end (JetStream → case committed);
 * next to the raw single-row commit rate of the same Postgres.
 */
export async function run(args: string[]): Promise<void> {
  const options = parse(args);
  const adminUrl = process.env.D115_TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.D115_TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const id = randomBytes(4).toString('hex');
  const database = `d115_bench_routing_${id}`;
  const role = 'd115_bench_tickets';
  const password = randomBytes(12).toString('hex');
  const namespace = new Namespace(`bench-routing-${id}`);
  let service: RunningService<TicketsEnv> | undefined;
  let nc: NatsConnection | undefined;
  let admin: Client | undefined;
  const out = (line: string) => process.stdout.write(`${line}\n`);

  out(
    `routing benchmark: ${options.agents} agents, ${options.cases} waiting cases, ${options.seconds} s, ${options.concurrency} agents asking at once, ${options.arrivals} arrivals/s`,
  );
  await provisionDatabase(adminUrl, database, [{ schema: 'tickets', role, password }]);
  try {
    if (options.rawSeconds > 0) {
      const rawCommits = await postgresInsertRate(withDatabase(adminUrl, database), 8, options.rawSeconds * 1000);
      out(`raw postgres single-row insert commits/s (8 connections): ${fixed(rawCommits, 0)}`);
    }

    service = await bootstrapService(ticketsService, {
      NATS_URL: natsUrl,
      D115_NAMESPACE: namespace.prefix,
      DATABASE_URL: withCredentials(withDatabase(adminUrl, database), role, password),
      DATABASE_POOL_SIZE: '20',
      OPS_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TICKETS_RESERVATION_TIMEOUT_S: '3600',
      // Only the measured decisions assign work (the dispatch pass would fill the available agents).
      TICKETS_SCHEDULER_ENABLED: 'false',
      CONSUMER_BATCH_SIZE: '64',
    });
    const dataSource = service.app.get<DataSource>(DATA_SOURCE);
    admin = new Client({ connectionString: withDatabase(adminUrl, database) });
    await admin.connect();
    nc = await connect({ servers: natsUrl });
    const client = new RequestClient(nc, namespace, 10_000);

    const seeded = Date.now();
    await seed(dataSource, client, options);
    out(`seeded ${options.agents} agents and ${options.cases} waiting cases in ${fixed((Date.now() - seeded) / 1000)} s`);

    await takeNextPhase(service, client, admin, options, 'in-process', out);
    await resetAssignments(dataSource);
    await takeNextPhase(service, client, admin, options, 'nats', out);
    await resetAssignments(dataSource);
    await offerPhase(service, dataSource, options, out);
    await mailPhase(nc, namespace, admin, options, out);
  } finally {
    await service?.app.close().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    if (nc) {
      const jsm = await nc.jetstreamManager();
      for (const stream of Object.values(STREAMS)) await jsm.streams.delete(namespace.stream(stream.name)).catch(() => undefined);
      await nc.close();
    }
    if (options.keepDatabase) out(`database kept: ${database}`);
    else await dropDatabase(adminUrl, database);
  }
}

/**
 * Phase 1: agents take next while cases arrive. The decision is measured where
 * it is made (the use case, in-process) and as the agent console sees it
 * (request/reply over NATS, through Nest's transport and validation).
 */
async function takeNextPhase(
  service: RunningService<TicketsEnv>,
  client: RequestClient,
  admin: Client,
  options: Options,
  via: 'in-process' | 'nats',
  out: (line: string) => void,
): Promise<void> {
  const takeNext = service.app.get(TakeNextUsecase);
  const decide =
    via === 'nats'
      ? (agentId: string) => client.request(TicketSubjects.takeNext, { actor: agentId, agentId })
      : (agentId: string) => takeNext.execute({ actor: agentId, agentId });
  const latencies: number[] = [];
  let assigned = 0;
  let empty = 0;
  let arrived = 0;
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  let nextAgent = Math.floor(Math.random() * options.agents);
  const pullers = Array.from({ length: options.concurrency }, async () => {
    while (Date.now() < deadline) {
      const agentId = `agent-${(nextAgent++ * 7919) % options.agents}`;
      const t0 = process.hrtime.bigint();
      const reply = await decide(agentId);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (reply.ticket) assigned++;
      else empty++;
    }
  });
  const arrivals = (async () => {
    const interval = 1000 / Math.max(1, options.arrivals);
    while (Date.now() < deadline) {
      const due = started + arrived * interval;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await client.request(TicketSubjects.create, {
        actor: 'system:bench',
        channel: arrived % 3 === 0 ? 'phone' : 'email',
        subject: arrived % 5 === 0 ? 'Kfz ummelden' : `Neue Frage ${arrived}`,
        priority: arrived % 4,
      });
      arrived++;
    }
  })();
  await Promise.all([...pullers, arrivals]);
  const seconds = (Date.now() - started) / 1000;
  const doubled = await admin.query(
    `SELECT count(*)::int AS n FROM (
       SELECT envelope->'data'->>'ticketId' FROM tickets.outbox
       WHERE subject = 'd115.events.tickets.ticket.assigned' AND (envelope->>'time')::timestamptz >= $1
       GROUP BY 1 HAVING count(*) > 1) d`,
    [new Date(started)],
  );
  const over = await admin.query(
    `SELECT count(*)::int AS n FROM tickets.agent a, jsonb_each_text(a.capacity) c WHERE coalesce((a.load ->> c.key)::int, 0) > c.value::int`,
  );
  out(
    `take-next decisions/s (${via}, ${options.concurrency} at once): ${fixed((assigned + empty) / seconds, 0)} (${assigned} assigned, ${empty} with nothing to take); ${arrived} cases arrived meanwhile (${fixed(arrived / seconds, 0)}/s)`,
  );
  out(
    `  decision latency: p50 ${fixed(percentile(latencies, 50), 2)} ms, p99 ${fixed(percentile(latencies, 99), 2)} ms, max ${fixed(percentile(latencies, 100), 2)} ms`,
  );
  out(`  cases assigned twice: ${doubled.rows[0].n}; agents over capacity: ${over.rows[0].n}`);
}

/** Between phases (not measured): every case waits again and every agent is free, as at the start. */
async function resetAssignments(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `UPDATE ticket SET routing_status = 'queued', owner_agent_id = NULL, queued_at = created_at WHERE routing_status IN ('assigned', 'reserved')`,
  );
  await dataSource.query('DELETE FROM reservation');
  await dataSource.query(`UPDATE agent SET load = '{}'::jsonb`);
  await dataSource.query('VACUUM ANALYZE ticket');
}

/** Phase 2: waiting cases offered to the best available agent (reservations), latency per decision in-process. */
async function offerPhase(service: RunningService<TicketsEnv>, dataSource: DataSource, options: Options, out: (line: string) => void): Promise<void> {
  // 10 % of the agents come to their desks (set directly: no dispatch hint, nothing competes with the measured decisions).
  const available = Math.max(1, Math.floor(options.agents / 10));
  await dataSource.query(`UPDATE agent SET presence = 'available' WHERE id = ANY($1)`, [Array.from({ length: available }, (_, i) => `agent-${i}`)]);
  const candidates: { id: string }[] = await dataSource.query(
    `SELECT id FROM ticket WHERE routing_status = 'queued' AND required_skills = '{}' AND queue_id IN ('general', 'meldewesen', 'soziales') ORDER BY random() LIMIT $1`,
    [options.offers],
  );
  const offer = service.app.get(OfferCaseUsecase);
  const latencies: number[] = [];
  let reserved = 0;
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < candidates.length) {
        const ticket = candidates[next++];
        const t0 = process.hrtime.bigint();
        if (await offer.execute(ticket.id)) reserved++;
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  out(
    `offer decisions/s (case → best of ${available} available agents): ${fixed(latencies.length / seconds, 0)} (${reserved} reserved of ${latencies.length})`,
  );
  out(`  offer latency in-process: p50 ${fixed(percentile(latencies, 50), 2)} ms, p99 ${fixed(percentile(latencies, 99), 2)} ms`);
}

/** Phase 3: mails published to JetStream as the mail service would; cases/s until all are committed. */
async function mailPhase(nc: NatsConnection, namespace: Namespace, admin: Client, options: Options, out: (line: string) => void): Promise<void> {
  const js = nc.jetstream();
  const before = Number((await admin.query('SELECT count(*) AS c FROM tickets.ticket')).rows[0].c);
  const started = Date.now();
  const window: Promise<unknown>[] = [];
  for (let i = 0; i < options.mails; i++) {
    const data: MailMessageReceivedEvent = {
      messageId: randomUUID(),
      mailbox: '115@rostock.de',
      rfcMessageId: `<bench-${i}-${randomUUID()}@example.org>`,
      from: { address: `buerger${i}@example.org`, name: `Bürger ${i}` },
      to: [{ address: '115@rostock.de' }],
      subject: i % 5 === 0 ? 'Kfz Zulassung' : `Anfrage ${i}`,
      headers: [],
      text: 'Guten Tag, ich habe eine Frage zu meinem Antrag.',
      attachments: [],
      classification: 'normal',
      ars: '130030000000',
    };
    const eventId = randomUUID();
    const envelope = {
      specversion: '1.0',
      id: eventId,
      source: '/d115/mail',
      type: eventTypeOf(MailSubjects.messageReceived),
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: eventId,
      data,
    };
    window.push(js.publish(namespace.subject(MailSubjects.messageReceived), JSON.stringify(envelope), { msgID: eventId }));
    if (window.length >= 256) await Promise.all(window.splice(0));
  }
  await Promise.all(window);
  const published = Date.now();
  for (;;) {
    const count = Number((await admin.query('SELECT count(*) AS c FROM tickets.ticket')).rows[0].c);
    if (count - before >= options.mails) break;
    if (Date.now() - started > 600_000) throw new Error(`only ${count - before} of ${options.mails} mails became cases in 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (Date.now() - started) / 1000;
  out(
    `cases/s from mail.message.received, end to end: ${fixed(options.mails / seconds, 0)} (${options.mails} mails; published in ${fixed((published - started) / 1000, 1)} s, all cases committed after ${fixed(seconds, 1)} s)`,
  );
}

/** Queues and rules over NATS; agents and the waiting cases in bulk SQL (the service's own role and schema). */
async function seed(dataSource: DataSource, client: RequestClient, options: Options): Promise<void> {
  for (const queueId of QUEUES) {
    await client.request(TicketSubjects.queueUpsert, {
      actor: 'system:bench',
      queueId,
      name: queueId,
      targetExpression: EXPRESSIONS[queueId] ?? undefined,
      reservationTimeoutSeconds: 3600,
    });
  }
  const rules: [string[], string][] = [
    [['kfz', 'zulassung'], 'kfz'],
    [['ummeldung', 'meldebescheinigung'], 'meldewesen'],
    [['aufenthalt', 'visum'], 'auslaender'],
    [['wohngeld', 'sozialhilfe'], 'soziales'],
    [['gewerbe'], 'gewerbe'],
    [['bauantrag'], 'bauen'],
    [['grundsteuer'], 'steuern'],
    [['kindergeld', 'elterngeld'], 'familie'],
  ];
  for (const [position, [keywords, queue]] of rules.entries()) {
    await client.request(TicketSubjects.ruleUpsert, { actor: 'system:bench', name: `Rule ${queue}`, position, when: { keywords }, queue });
  }
  const expressions = new Map(QUEUES.map((queue) => [queue, EXPRESSIONS[queue] ?? null]));
  const now = new Date();
  for (let from = 0; from < options.agents; from += 500) {
    const ids: string[] = [];
    const skills: string[] = [];
    const queues: string[] = [];
    const eligible: string[] = [];
    for (let i = from; i < Math.min(options.agents, from + 500); i++) {
      const own = { kfz: i % 3, 'lang.en': i % 4, 'lang.de': 5 };
      const served = [QUEUES[i % QUEUES.length], QUEUES[(i + 3) % QUEUES.length], 'general'];
      ids.push(`agent-${i}`);
      skills.push(JSON.stringify(own));
      queues.push(`{${[...new Set(served)].join(',')}}`);
      eligible.push(`{${eligibleQueues(served, own, expressions).join(',')}}`);
    }
    await dataSource.query(
      `INSERT INTO agent (id, name, presence, skills, capacity, load, queues, eligible_queues, version, created_at, updated_at)
       SELECT id, id, 'busy', s::jsonb, '{"phone": 1, "email": 5, "web": 5, "letter": 5}'::jsonb, '{}'::jsonb, q::text[], e::text[], 1, $5, $5
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(id, s, q, e)`,
      [ids, skills, queues, eligible, now],
    );
  }
  const year = berlinYear(now) - 1;
  // Queue, channel, priority and skill requirement vary independently of each other.
  await dataSource.query(
    `INSERT INTO ticket (id, number, channel, state, subject, priority, queue_id, routing_status, queued_at, required_skills, escalation_steps,
                         escalation_level, version, created_at, updated_at)
     SELECT gen_random_uuid(), format('115-%s-%s', $2::int, lpad(g::text, 7, '0')),
            (ARRAY['phone', 'email', 'email', 'web', 'letter'])[1 + (g / 10) % 5], 'new', 'Frage ' || g, (g / 50) % 4,
            ($3::text[])[1 + g % $4::int], 'queued', $5::timestamptz - (g || ' seconds')::interval,
            CASE WHEN (g / 250) % 20 = 0 THEN '{"lang.en": 2}'::jsonb ELSE '{}'::jsonb END, '[]'::jsonb, 0, 1, $5::timestamptz - (g || ' seconds')::interval, $5
     FROM generate_series(1, $1::int) g`,
    [options.cases, year, QUEUES, QUEUES.length, now],
  );
  await dataSource.query('ANALYZE ticket; ANALYZE agent');
}

function parse(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    const parsed = arg ? Number(arg.split('=')[1]) : fallback;
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number >= 0`);
    return parsed;
  };
  return {
    agents: value('agents', 2000),
    cases: value('cases', 100_000),
    seconds: value('seconds', 20),
    concurrency: value('concurrency', 4),
    arrivals: value('arrivals', 50),
    mails: value('mails', 5000),
    offers: value('offers', 3000),
    rawSeconds: value('raw-seconds', 5),
    keepDatabase: args.includes('--keep-database'),
  };
}
