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

  /** A call's events on the stream, in order. */
  const eventsOf = async (callId: string) => (await inbound()).filter((envelope) => envelope.data.callId === callId).map((envelope) => envelope.data);

  it('takes the events as forms too, as telephone systems post them: sipgate-style urlencoded with Basic auth, curl --form with ?token=', async () => {
    // sipgate's push API: a form, lists as user[], fields of its own (origCallId, xcid, userId[], fullUserId[])
    const newCall = new URLSearchParams([
      ['event', 'newCall'],
      ['direction', 'in'],
      ['from', '493811234567'],
      ['to', '49381115'],
      ['callId', 'sg-1001'],
      ['origCallId', 'sg-1001'],
      ['user[]', 'Christopher Miller'],
      ['userId[]', 'w0'],
      ['fullUserId[]', '1234567w0'],
      ['xcid', '4b1c…'],
    ]);
    const basic = `Basic ${Buffer.from(`cti-main:${main.token}`).toString('base64')}`;
    const urlencoded = await fetch(world.gateway.url('/api/v1/cti/cti-main'), {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: newCall.toString(),
    });
    expect(urlencoded.status).toBe(202);

    const hangup = new FormData();
    for (const [name, value] of [
      ['event', 'hangup'],
      ['callId', 'sg-1001'],
      ['cause', 'normalClearing'],
      ['direction', 'in'],
      ['answeringNumber', '4938111500'],
    ]) {
      hangup.append(name, value);
    }
    const multipart = await fetch(world.gateway.url(`/api/v1/cti/cti-main?token=${encodeURIComponent(main.token)}`), { method: 'POST', body: hangup });
    expect(multipart.status).toBe(202);

    expect(await eventsOf('sg-1001')).toEqual([
      { event: 'newCall', direction: 'in', from: '493811234567', to: '49381115', callId: 'sg-1001', user: ['Christopher Miller'], pbx: 'cti-main' },
      { event: 'hangup', callId: 'sg-1001', cause: 'normalClearing', direction: 'in', answeringNumber: '4938111500', pbx: 'cti-main' },
    ]);
  });

  it('validates a form like JSON: unknown fields and bad values listed, a file part refused; a wrong token in any form is 401', async () => {
    const form = (body: string, authorization?: string) =>
      fetch(world.gateway.url('/api/v1/cti/cti-main'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) },
        body,
      });
    const invalid = await form('event=ringing&callId=sg-2&secret=1', `Bearer ${main.token}`);
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { path: string }[] }).errors.map((error) => error.path).sort()).toEqual(['event', 'secret']);

    const withFile = new FormData();
    withFile.append('event', 'newCall');
    withFile.append('recording', new Blob(['RIFF']), 'call.wav');
    const file = await fetch(world.gateway.url('/api/v1/cti/cti-main'), { method: 'POST', headers: { authorization: `Bearer ${main.token}` }, body: withFile });
    expect(file.status).toBe(415);

    const wrong = other.token;
    expect((await form('event=newCall&callId=sg-3', `Basic ${Buffer.from(`cti-main:${wrong}`).toString('base64')}`)).status).toBe(403);
    expect((await form('event=newCall&callId=sg-3', `Basic ${Buffer.from('cti-main:').toString('base64')}`)).status).toBe(401);
    const byQuery = await fetch(world.gateway.url('/api/v1/cti/cti-main?token=d115i_cti-main_forged'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'event=newCall&callId=sg-3',
    });
    expect(byQuery.status).toBe(401);
    expect(await eventsOf('sg-2')).toEqual([]);
    expect(await eventsOf('sg-3')).toEqual([]);
  });
});
