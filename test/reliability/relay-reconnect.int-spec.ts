import { Client } from 'pg';
import { RunningService, ServiceEnv } from '@d115/platform';
import { producerService, RecordProbeUsecase, TestEnvironment, waitFor } from '@d115/testing';
import { OwnNats } from './support/own-servers';

/** This file's own nats-server (killed on purpose), in the reliability range 42000–42999. */
const OWN_NATS_PORT = 42012;

/**
 * The outbox relay across NATS crashes: what was committed while NATS was
 * down (and the batch in flight when it died) is published at once when NATS
 * is back — not after a publish timeout — exactly once on the stream.
 */
describe('outbox relay across NATS restarts', () => {
  let nats: OwnNats;
  let env: TestEnvironment;
  let sql: Client;
  let producer: RunningService<ServiceEnv>;

  const unpublishedUpTo = async (seq: number) =>
    Number((await sql.query('SELECT count(*)::int AS c FROM telephony.outbox WHERE published_at IS NULL AND seq <= $1', [seq])).rows[0].c);
  const lastSeq = async () => Number((await sql.query('SELECT coalesce(max(seq), 0) AS s FROM telephony.outbox')).rows[0].s);

  beforeAll(async () => {
    nats = await OwnNats.start(OWN_NATS_PORT);
    env = await TestEnvironment.create(['telephony'], { natsUrl: nats.url });
    sql = await env.sql();
    producer = await env.start(producerService);
  });

  afterAll(async () => {
    await env?.dispose();
    await nats?.dispose();
  });

  it('republishes the backlog within a second of NATS coming back, once each', async () => {
    let recorded = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await producer.app.get(RecordProbeUsecase).execute(++recorded);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    const drains: number[] = [];
    for (let round = 1; round <= 2; round++) {
      await waitFor(async () => recorded >= round * 150, `${round * 150} probes recorded`, { timeoutMs: 20000 });
      await nats.kill();
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the scenario: NATS is gone for 1.5 s while commits go on
      await nats.restart();
      const back = Date.now();
      const backlog = await lastSeq();
      await waitFor(async () => (await unpublishedUpTo(backlog)) === 0, `the outbox backlog up to ${backlog} published`, { timeoutMs: 15000, intervalMs: 10 });
      drains.push(Date.now() - back);
    }
    writing = false;
    await writer;
    process.stdout.write(`outbox backlog published after NATS came back: ${drains.map((ms) => `${ms} ms`).join(', ')}\n`);
    for (const ms of drains) expect(ms).toBeLessThan(1000);

    await waitFor(async () => (await unpublishedUpTo(Number.MAX_SAFE_INTEGER)) === 0, 'everything published');
    const nc = await env.nats();
    const stream = await (await nc.jetstreamManager()).streams.info(env.streamName('EVENTS'));
    expect(stream.state.messages).toBe(recorded);
  });
});
