import { Client } from 'pg';
import { JetStreamClient, JetStreamManager, nanos } from 'nats';
import { v7 as uuidv7 } from 'uuid';
import { RunningService, ServiceEnv } from '@d115/platform';
import { consumerService, PROBE_SUBJECT, producerService, RecordProbeUsecase, TestEnvironment, waitFor } from '@d115/testing';
import { OwnPostgres } from './support/own-servers';

const DURABLE = 'tickets-probe-recorded';
/** This file's own Postgres (crashed on purpose), in the reliability range 42000–42999. */
const OWN_POSTGRES_PORT = 42011;

function probeEnvelope(n: number): string {
  return JSON.stringify({
    specversion: '1.0',
    id: uuidv7(),
    source: '/d115/telephony',
    type: 'd115.telephony.probe.recorded',
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: { n },
  });
}

/** How a consumer recovers what a dead instance held, and keeps what it holds itself. */
describe('consumer recovery', () => {
  let env: TestEnvironment;
  let sql: Client;
  let jsm: JetStreamManager;
  let producer: RunningService<ServiceEnv>;
  let consumer: RunningService<ServiceEnv> | undefined;

  const received = async () => Number((await sql.query('SELECT count(*)::int AS c FROM tickets.received')).rows[0].c);
  const info = () => jsm.consumers.info(env.streamName('EVENTS'), DURABLE);
  const restartConsumer = async (vars: Record<string, string> = {}) => {
    if (consumer) await env.stop(consumer);
    consumer = await env.start(consumerService, vars);
  };

  beforeAll(async () => {
    env = await TestEnvironment.create(['telephony', 'tickets']);
    sql = await env.sql();
    jsm = await (await env.nats()).jetstreamManager();
    producer = await env.start(producerService);
    consumer = await env.start(consumerService);
  });

  afterAll(() => env.dispose());

  it('brings the ack wait of an existing durable up to date on start', async () => {
    await jsm.consumers.update(env.streamName('EVENTS'), DURABLE, { ack_wait: nanos(30000) });
    expect((await info()).config.ack_wait).toBe(nanos(30000));
    await restartConsumer();
    expect((await info()).config.ack_wait).toBe(nanos(5000));
    await restartConsumer({ CONSUMER_ACK_WAIT_MS: '2000' });
    expect((await info()).config.ack_wait).toBe(nanos(2000));
  });

  it('redelivers what a dead instance held after the ack wait (default 5 s), once each', async () => {
    await restartConsumer();
    await env.stop(consumer!);
    consumer = undefined;
    for (let n = 1; n <= 20; n++) await producer.app.get(RecordProbeUsecase).execute(n);

    // Another instance takes all 20 and dies without acking (its connection is gone, as after SIGKILL).
    const doomed = await env.nats();
    const held = await (await doomed.jetstream().consumers.get(env.streamName('EVENTS'), DURABLE)).fetch({ max_messages: 20, expires: 5000 });
    let taken = 0;
    for await (const _message of held) if (++taken === 20) break;
    expect(taken).toBe(20);
    await doomed.close();
    const died = Date.now();

    consumer = await env.start(consumerService);
    await waitFor(async () => (await received()) === 20, 'the 20 held events handled by the surviving instance', { timeoutMs: 15000, intervalMs: 20 });
    const recoveryMs = Date.now() - died;
    process.stdout.write(`redelivery after a consumer died holding 20 events (ack wait 5 s): ${recoveryMs} ms\n`);
    expect(recoveryMs).toBeLessThan(5000 + 1500);
    expect((await sql.query('SELECT n FROM tickets.received GROUP BY n HAVING count(*) > 1')).rows).toEqual([]);
  });

  it('keeps a batch that takes longer than the ack wait with in-progress signals (no redelivery)', async () => {
    await restartConsumer({ CONSUMER_ACK_WAIT_MS: '1000' });
    const deliveredBefore = (await info()).delivered.consumer_seq;
    const lock = await env.sql();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE tickets.received IN ACCESS EXCLUSIVE MODE');
    for (let n = 101; n <= 110; n++) await producer.app.get(RecordProbeUsecase).execute(n);
    await waitFor(async () => (await info()).num_ack_pending === 10, 'the 10 events delivered and held');
    await new Promise((resolve) => setTimeout(resolve, 3500)); // the scenario: the batch is stuck for 3.5 × ack wait
    await lock.query('COMMIT');

    await waitFor(async () => (await received()) === 30, 'the 10 slow events handled');
    await waitFor(async () => (await info()).num_ack_pending === 0, 'all acked');
    expect((await info()).delivered.consumer_seq - deliveredBefore).toBe(10);
  });
});

/** A database outage is a pause, not a handler failure. */
describe('consumer while its database is down', () => {
  let pg: OwnPostgres;
  let env: TestEnvironment;
  let js: JetStreamClient;
  let jsm: JetStreamManager;

  const received = async () => {
    const client = new Client({ connectionString: env.adminDatabaseUrl() });
    await client.connect();
    try {
      return Number((await client.query('SELECT count(*)::int AS c FROM tickets.received')).rows[0].c);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    pg = await OwnPostgres.start(OWN_POSTGRES_PORT);
    env = await TestEnvironment.create(['tickets'], { adminUrl: pg.adminUrl });
    const nc = await env.nats();
    js = nc.jetstream();
    jsm = await nc.jetstreamManager();
    // Failures would be dead-lettered after 2 deliveries 100 ms apart: an outage must not count as one.
    await env.start(consumerService, { CONSUMER_ACK_WAIT_MS: '2000', CONSUMER_MAX_DELIVER: '2', CONSUMER_BACKOFF_MS: '100' });
  });

  afterAll(async () => {
    await env?.dispose();
    await pg?.dispose();
  });

  it.each([
    ['pg_ctl stop -m immediate', () => pg.stopImmediate()],
    ['kill -9', () => pg.killHard()],
  ])('after %s: stops, dead-letters nothing, redelivers nothing, catches up at once', async (how, crash) => {
    const before = await received();
    const deliveredBefore = (await jsm.consumers.info(env.streamName('EVENTS'), DURABLE)).delivered.consumer_seq;
    await crash();
    for (let n = 1; n <= 20; n++) await js.publish(env.namespace.subject(PROBE_SUBJECT), probeEnvelope(before + n));
    await new Promise((resolve) => setTimeout(resolve, 3500)); // the scenario: 3.5 s without a database (1.75 × ack wait)

    await pg.restart();
    const back = Date.now();
    await waitFor(async () => (await received()) === before + 20, 'the 20 events handled after the outage', { timeoutMs: 10000, intervalMs: 10 });
    const catchUpMs = Date.now() - back;
    process.stdout.write(`consumer catch-up after a 3.5 s database outage (${how}): ${catchUpMs} ms after Postgres answered\n`);
    expect(catchUpMs).toBeLessThan(1500);

    const consumerInfo = await jsm.consumers.info(env.streamName('EVENTS'), DURABLE);
    expect(consumerInfo.delivered.consumer_seq - deliveredBefore).toBe(20); // held through the outage, not redelivered
    expect((await jsm.streams.info(env.streamName('DEADLETTER'))).state.messages).toBe(0);
  });
});
