import { headers as natsHeaders, JetStreamManager, NatsConnection, StoredMsg } from 'nats';
import { DeadLetterStore } from '@d115/messaging';
import { Client } from 'pg';
import { Headers } from '@d115/contracts';
import { RunningService, ServiceEnv } from '@d115/platform';
import { consumerService, PROBE_SUBJECT, producerService, RecordProbeUsecase, TestEnvironment, waitFor } from '@d115/testing';

/** Proof 3: failing handlers dead-letter after the configured deliveries; invalid payloads at once. */
describe('dead letters', () => {
  let env: TestEnvironment;
  let sql: Client;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let producer: RunningService<ServiceEnv>;

  const DEAD_LETTER_SUBJECT = 'd115.deadletter.tickets.probe-recorded';
  const deadLetters = async (): Promise<StoredMsg[]> => {
    const stream = env.streamName('DEADLETTER');
    const info = await jsm.streams.info(stream);
    const messages: StoredMsg[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      messages.push(await jsm.streams.getMessage(stream, { seq }));
    }
    return messages;
  };
  const received = async (n: number) => (await sql.query('SELECT 1 FROM tickets.received WHERE n = $1', [n])).rowCount === 1;

  beforeAll(async () => {
    env = await TestEnvironment.create(['telephony', 'tickets']);
    sql = await env.sql();
    nc = await env.nats();
    jsm = await nc.jetstreamManager();
    producer = await env.start(producerService);
    await env.start(consumerService, { CONSUMER_MAX_DELIVER: '3', CONSUMER_BACKOFF_MS: '20,40' });
  });

  afterAll(() => env.dispose());

  it('moves a message whose handler always fails to the dead letters after 3 deliveries, with the error', async () => {
    await producer.app.get(RecordProbeUsecase).execute(7, { fail: true });

    const [letter] = await waitFor(async () => {
      const all = await deadLetters();
      return all.length === 1 ? all : undefined;
    }, 'one dead letter');
    expect(letter.subject).toBe(env.namespace.subject(DEAD_LETTER_SUBJECT));
    expect(letter.header.get(Headers.deliveries)).toBe('3');
    expect(letter.header.get(Headers.errorCode)).toBe('MESSAGE.HANDLER_FAILED');
    expect(letter.header.get(Headers.error)).toContain('probe 7 fails on purpose');
    expect(letter.header.get(Headers.originalSubject)).toBe(PROBE_SUBJECT);
    expect(letter.json<{ data: { n: number } }>().data.n).toBe(7);
    expect(await received(7)).toBe(false);
  });

  it('dead-letters an invalid payload at once with the validation errors, and keeps consuming', async () => {
    const js = nc.jetstream();
    const envelope = {
      specversion: '1.0',
      id: 'bad-payload-1',
      source: '/test',
      type: 'de.d115.telephony.probe.recorded',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: { n: 'eight' },
    };
    await js.publish(env.namespace.subject(PROBE_SUBJECT), JSON.stringify(envelope));
    await js.publish(env.namespace.subject(PROBE_SUBJECT), '{ this is not json');
    await producer.app.get(RecordProbeUsecase).execute(9);

    await waitFor(() => received(9), 'the valid probe after the bad ones');
    const letters = await waitFor(async () => {
      const all = await deadLetters();
      return all.length === 3 ? all : undefined;
    }, 'three dead letters');
    const invalid = letters.find((l) => l.header.get(Headers.errorCode) === 'VALIDATION.FAILED')!;
    expect(invalid.header.get(Headers.deliveries)).toBe('1');
    expect(invalid.header.get(Headers.error)).toMatch(/n must be an integer number/);
    const malformed = letters.find((l) => l.header.get(Headers.errorCode) === 'MESSAGE.MALFORMED')!;
    expect(malformed.header.get(Headers.deliveries)).toBe('1');
    expect(malformed.string()).toBe('{ this is not json');
  });

  it('leaves nothing unacknowledged behind', async () => {
    const settled = await waitFor(async () => {
      const info = await jsm.consumers.info(env.streamName('EVENTS'), 'tickets-probe-recorded');
      return info.num_ack_pending === 0 && info.num_pending === 0 && info.num_redelivered >= 0 ? info : undefined;
    }, 'every delivery acknowledged or terminated');
    expect(settled.delivered.stream_seq).toBe(4);
  });

  it('lets ops replay a dead letter once its cause is fixed, and the consumer handles it', async () => {
    const store = new DeadLetterStore(jsm, nc.jetstream(), env.namespace);
    const letters = await store.list();
    const invalid = letters.find((l) => l.errorCode === 'VALIDATION.FAILED')!;
    expect(invalid.consumer).toBe('probe-recorded');

    // The cause is fixed upstream: the corrected payload is what gets replayed here.
    const fixed = JSON.parse(invalid.body);
    fixed.data.n = 8;
    const seq = (
      await nc.jetstream().publish(env.namespace.subject(DEAD_LETTER_SUBJECT), JSON.stringify(fixed), {
        headers: (() => {
          const h = natsHeaders();
          h.set(Headers.originalSubject, PROBE_SUBJECT);
          h.set(Headers.consumer, 'probe-recorded');
          return h;
        })(),
      })
    ).seq;
    await store.replay(seq);

    await waitFor(() => received(8), 'the replayed probe handled');
    expect((await store.list()).map((l) => l.sequence)).not.toContain(seq);
  });
});
