import { AckPolicy, DeliverPolicy, JetStreamClient, JetStreamManager } from 'nats';
import { EventEnvelope, TelephonyInbound } from '@d115/contracts';
import { issueIntegrationToken } from '../src/auth/integration-tokens';
import { useDemoGateway } from './support/demo-gateway';

const main = issueIntegrationToken('cti-main');
const other = issueIntegrationToken('cti-other');

/** The CTI webhook: integration tokens scoped to their webhook, payload validated, events on the inbound stream. */
describe('gateway CTI webhook', () => {
  const world = useDemoGateway({ overrides: { AUTH_INTEGRATION_TOKENS: [main.configuration, other.configuration].join(',') } });
  let js: JetStreamClient;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    const nc = await world.env.nats();
    js = nc.jetstream();
    jsm = await nc.jetstreamManager();
  });

  const post = (integration: string, token: string | undefined, body: unknown) =>
    fetch(world.gateway.url(`/api/v1/cti/${integration}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  /** The inbound call events on the stream, read with a consumer of our own. */
  async function inbound(): Promise<EventEnvelope<Record<string, unknown>>[]> {
    const stream = world.env.streamName('INBOUND');
    const name = `test-${Date.now()}`;
    await jsm.consumers.add(stream, {
      durable_name: name,
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      filter_subject: world.env.namespace.subject(TelephonyInbound.call),
    });
    const consumer = await js.consumers.get(stream, name);
    const info = await consumer.info();
    const messages = info.num_pending > 0 ? await consumer.fetch({ max_messages: info.num_pending, expires: 2000 }) : [];
    const envelopes: EventEnvelope<Record<string, unknown>>[] = [];
    for await (const message of messages) {
      envelopes.push(message.json());
      if (envelopes.length === info.num_pending) break;
    }
    return envelopes;
  }

  it('queues a valid call event for the telephony service, once even when the webhook is retried', async () => {
    const event = { event: 'newCall', callId: 'pbx-4711', from: '+493811234567', to: '115', direction: 'in', queue: 'general' };
    const first = await post('cti-main', main.token, event);
    expect(first.status).toBe(202);
    const again = await post('cti-main', main.token, event);
    expect(again.status).toBe(202);
    const envelopes = await inbound();
    expect(envelopes).toHaveLength(1);
    expect(envelopes[0]).toMatchObject({ type: TelephonyInbound.call, source: '/d115/gateway/cti/cti-main', data: { ...event, pbx: 'cti-main' } });
  });

  it('refuses an invalid event with the fields, before anything is queued', async () => {
    const response = await post('cti-main', main.token, { event: 'ringing', callId: '', secret: 1 });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((error) => error.path).sort()).toEqual(['callId', 'event', 'secret']);
  });

  it('takes only the integration’s own token: none 401, another integration’s 403, a user token 401', async () => {
    expect((await post('cti-main', undefined, {})).status).toBe(401);
    expect((await post('cti-main', other.token, {})).status).toBe(403);
    expect((await post('cti-main', await world.gateway.token('demo-admin'), {})).status).toBe(401);
    expect(
      (
        await post(
          'cti-main',
          main.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
          {},
        )
      ).status,
    ).toBe(401);
  });
});
