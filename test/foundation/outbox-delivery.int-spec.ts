import { Client } from 'pg';
import { JetStreamManager } from 'nats';
import { OutboxRelay, RequestClient } from '@d115/messaging';
import { runWithContext } from '@d115/observability';
import { RunningService, ServiceEnv, DATA_SOURCE } from '@d115/platform';
import { consumerService, PROBE_SUBJECT, producerService, RecordProbeUsecase, TestEnvironment, waitFor } from '@d115/testing';

/** Proofs 1 and 2: outbox → JetStream → durable consumer, exactly once in effect; rollback publishes nothing. */
describe('outbox to durable consumer', () => {
  let env: TestEnvironment;
  let sql: Client;
  let jsm: JetStreamManager;
  let producer: RunningService<ServiceEnv>;
  let consumer: RunningService<ServiceEnv> | undefined;

  const record = (n: number, options?: { rollback?: boolean }) => producer.app.get(RecordProbeUsecase).execute(n, options);
  const receivedCount = async () => Number((await sql.query('SELECT count(*)::int AS c FROM tickets.received')).rows[0].c);
  const duplicates = async () => (await sql.query('SELECT n FROM tickets.received GROUP BY n HAVING count(*) > 1')).rows.map((r) => r.n as number);
  const streamMessages = async () => (await jsm.streams.info(env.streamName('EVENTS'))).state.messages;

  beforeAll(async () => {
    env = await TestEnvironment.create(['telephony', 'tickets']);
    sql = await env.sql();
    jsm = await (await env.nats()).jetstreamManager();
    producer = await env.start(producerService);
    consumer = await env.start(consumerService);
  });

  afterAll(() => env.dispose());

  it('delivers each committed event once, with its correlation id, and records it in the inbox', async () => {
    for (let n = 1; n <= 50; n++) await record(n);

    await waitFor(async () => (await receivedCount()) === 50, '50 probes received');
    expect(await duplicates()).toEqual([]);
    const inbox = await sql.query("SELECT count(*)::int AS c FROM tickets.inbox WHERE consumer = 'tickets-probe-recorded'");
    expect(inbox.rows[0].c).toBe(50);
    const unpublished = await sql.query('SELECT count(*)::int AS c FROM telephony.outbox WHERE published_at IS NULL');
    expect(unpublished.rows[0].c).toBe(0);
    const correlation = await sql.query('SELECT count(DISTINCT correlation_id)::int AS c FROM tickets.received');
    expect(correlation.rows[0].c).toBe(50);
  });

  it('keeps events for a stopped consumer and delivers them when it starts again', async () => {
    await env.stop(consumer!);
    consumer = undefined;
    const before = await streamMessages();

    for (let n = 101; n <= 120; n++) await record(n);
    await waitFor(async () => (await streamMessages()) === before + 20, 'the 20 events stored in the stream');
    expect(await receivedCount()).toBe(50);

    consumer = await env.start(consumerService);
    await waitFor(async () => (await receivedCount()) === 70, 'the 20 events handled after restart');
    expect(await duplicates()).toEqual([]);
  });

  it('has no second effect when the relay dies after publishing but before marking sent', async () => {
    // Make "mark as sent" fail, as if the relay process died right after publishing.
    await sql.query(`
      CREATE FUNCTION telephony.refuse_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'relay crashed before marking sent'; END $$`);
    await sql.query('CREATE TRIGGER refuse_mark BEFORE UPDATE ON telephony.outbox FOR EACH ROW EXECUTE FUNCTION telephony.refuse_mark()');
    const before = await streamMessages();

    for (let n = 201; n <= 210; n++) await record(n);
    await waitFor(async () => (await receivedCount()) === 80, 'the 10 events handled although never marked sent');
    const unmarked = await sql.query('SELECT count(*)::int AS c FROM telephony.outbox WHERE published_at IS NULL');
    expect(unmarked.rows[0].c).toBe(10);

    // The relay keeps retrying; each retry re-publishes, and JetStream drops the duplicates.
    await env.stop(producer);
    await sql.query('DROP TRIGGER refuse_mark ON telephony.outbox');
    producer = await env.start(producerService);
    await waitFor(
      async () => (await sql.query('SELECT count(*)::int AS c FROM telephony.outbox WHERE published_at IS NULL')).rows[0].c === 0,
      'outbox marked sent after restart',
    );
    expect(await streamMessages()).toBe(before + 10);

    // Beyond JetStream's duplicate window only the consumer's inbox protects: re-publish the
    // very same envelopes under new message ids and check that nothing is handled twice.
    const rows = await sql.query("SELECT envelope FROM telephony.outbox WHERE subject = $1 AND envelope->'data'->>'n' IN ('201','202')", [PROBE_SUBJECT]);
    const js = (await env.nats()).jetstream();
    for (const row of rows.rows) {
      await js.publish(env.namespace.subject(PROBE_SUBJECT), JSON.stringify(row.envelope), { msgID: `late-${row.envelope.id}` });
    }
    await waitFor(async () => {
      const info = await jsm.consumers.info(env.streamName('EVENTS'), 'tickets-probe-recorded');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    }, 'late duplicates consumed');
    expect(await receivedCount()).toBe(80);
    expect(await duplicates()).toEqual([]);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    await expect(record(301, { rollback: true })).rejects.toThrow('rolled back on purpose');
    await record(302);

    await waitFor(async () => (await sql.query('SELECT 1 FROM tickets.received WHERE n = 302')).rowCount === 1, 'probe 302 received');
    const outbox = await sql.query("SELECT count(*)::int AS c FROM telephony.outbox WHERE envelope->'data'->>'n' = '301'");
    expect(outbox.rows[0].c).toBe(0);
    const probe = await sql.query('SELECT count(*)::int AS c FROM telephony.probe WHERE n = 301');
    expect(probe.rows[0].c).toBe(0);
    expect((await sql.query('SELECT count(*)::int AS c FROM tickets.received WHERE n = 301')).rows[0].c).toBe(0);
    // The stream holds exactly what was committed: probes 1–50, 101–120, 201–210, the two late re-publishes, 302.
    expect(await streamMessages()).toBe(50 + 20 + 10 + 2 + 1);
  });

  it('wakes the relay on commit instead of waiting for a poll', async () => {
    const dataSource = producer.app.get(DATA_SOURCE);
    const started = Date.now();
    await record(401);
    await waitFor(async () => (await sql.query('SELECT 1 FROM tickets.received WHERE n = 401')).rowCount === 1, 'probe 401 received', {
      intervalMs: 5,
    });
    expect(dataSource.isInitialized).toBe(true);
    // The relay polls only every second; LISTEN/NOTIFY brings the event across far sooner.
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("carries the caller's correlation id from a request through the outbox to the consumer", async () => {
    const client = new RequestClient(await env.nats(), env.namespace, 2000);
    await runWithContext({ correlationId: 'corr-rostock-42' }, () => client.requestUntyped('d115.telephony.probe.record', { n: 501 }));

    const row = await waitFor(async () => (await sql.query('SELECT correlation_id FROM tickets.received WHERE n = 501')).rows[0], 'probe 501 received');
    expect(row.correlation_id).toBe('corr-rostock-42');
    const outbox = await sql.query("SELECT envelope->>'correlationid' AS c FROM telephony.outbox WHERE envelope->'data'->>'n' = '501'");
    expect(outbox.rows[0].c).toBe('corr-rostock-42');
  });

  it('delivers an event published without a state change of its own', async () => {
    await producer.app.get(RecordProbeUsecase).announce(601);
    const stored = await sql.query("SELECT published_at FROM telephony.outbox WHERE envelope->'data'->>'n' = '601'");
    expect(stored.rowCount).toBe(1);
    await waitFor(async () => (await sql.query('SELECT 1 FROM tickets.received WHERE n = 601')).rowCount === 1, 'probe 601 received');
    expect((await sql.query('SELECT count(*)::int AS c FROM telephony.probe WHERE n = 601')).rows[0].c).toBe(0);
  });

  it('wakes the active relay from another instance of the producing service', async () => {
    const second = await env.start(producerService);
    expect(second.app.get(OutboxRelay).isLeader).toBe(false);
    await second.app.get(RecordProbeUsecase).execute(701);
    const started = Date.now();
    await waitFor(async () => (await sql.query('SELECT 1 FROM tickets.received WHERE n = 701')).rowCount === 1, 'probe 701 received', {
      intervalMs: 5,
    });
    // Without the forwarded notification the active relay would find it only at its next 1 s poll.
    expect(Date.now() - started).toBeLessThan(900);
    await env.stop(second);
  });
});
