import { headers as natsHeaders } from 'nats';
import { CallEventData, CSTA_PBX_HEADER, CstaErrorCode, ErrorCode, TelephonyEvents, TelephonyInbound } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { CstaClientHost } from '../../src/adapters/csta/connection/csta-client.host';
import { cstaRecording, cstaStream, CstaTestServer } from '../support/csta-test-server';
import { TelephonyKit } from '../support/telephony-kit';
import { FIXTURE_DEVICES } from './csta-fixtures';

const PBX = 'openscape-1';

/** The telephony service with the CSTA adapter: a CSTA server on a real socket and the NATS inbound subject, down to call.ended in the outbox. */
describe('telephony: CSTA adapter in the service', () => {
  let kit: TelephonyKit;
  let server: CstaTestServer;

  const cstaEnv = () => ({
    TELEPHONY_CSTA_URL: `${server.url}#${PBX}`,
    TELEPHONY_CSTA_MONITOR: FIXTURE_DEVICES.monitored.join(','),
    TELEPHONY_CSTA_TRUNKS: FIXTURE_DEVICES.trunks.join(','),
    TELEPHONY_CSTA_QUEUES: FIXTURE_DEVICES.queues.join(','),
    TELEPHONY_AGENT_EXTENSIONS: JSON.stringify({ '2001': 'agent-anna', '2002': 'agent-bert' }),
  });

  beforeAll(async () => {
    server = await CstaTestServer.start();
    kit = await TelephonyKit.create();
    await kit.start(cstaEnv());
    await waitFor(() => server.monitorStarts.length >= 3, 'the service to monitor its devices');
  });

  afterAll(async () => {
    await kit.dispose();
    await server.close();
  });

  const ended = (pbx: string, externalCallId: string) =>
    waitFor(async () => {
      const call = await kit.call(pbx, externalCallId);
      if (!call) return undefined;
      const events = await kit.events<CallEventData>(TelephonyEvents.callEnded, `call/${call.id as string}`);
      return events.length > 0 ? events : undefined;
    }, `call.ended of ${pbx}/${externalCallId}`);

  it('records a call answered at an agent from the CSTA server, with offered, answered and one ended', async () => {
    server.send(cstaStream(cstaRecording('inbound-answered')));
    const [event, ...more] = await ended(PBX, '101');
    expect(more).toEqual([]);
    expect(event.data).toMatchObject({
      pbx: PBX,
      externalCallId: '101',
      direction: 'inbound',
      calledNumber: '115',
      agent: '2001',
      agentId: 'agent-anna',
      outcome: 'answered',
      callerWithheld: false,
    });
    expect(event.data.callerPseudonym).toEqual(expect.any(String));
    const call = await kit.call(PBX, '101');
    expect(await kit.events(TelephonyEvents.callOffered, `call/${call!.id as string}`)).toHaveLength(1);
    expect(await kit.events(TelephonyEvents.callAnswered, `call/${call!.id as string}`)).toHaveLength(1);
  });

  it.each([
    ['queue-abandoned', '104', { outcome: 'abandoned', queue: '3000', answeredAt: null }],
    ['inbound-no-answer', '103', { outcome: 'no-answer', answeredAt: null }],
    ['outbound-busy', '102', { outcome: 'busy', direction: 'outbound' }],
    ['diverted', '105', { outcome: 'answered', forwarded: true, agent: '2002' }],
    ['clir', '110', { outcome: 'answered', callerWithheld: true, callerPseudonym: null }],
  ])('records %s', async (name, externalCallId, expected) => {
    server.send(cstaStream(cstaRecording(name)));
    const [event] = await ended(PBX, externalCallId);
    expect(event.data).toMatchObject(expected);
  });

  it('follows a consultation transfer to the enquiry call id as one call, transferred', async () => {
    server.send(cstaStream(cstaRecording('consultation-transfer')));
    const [event] = await ended(PBX, '109');
    expect(event.data).toMatchObject({ externalCallId: '108', agent: '2001', transferred: true, outcome: 'answered' });
    expect((await kit.call(PBX, '108'))!.id).toBe((await kit.call(PBX, '109'))!.id);
  });

  it('follows a conference under its new call id as the same call, not transferred', async () => {
    server.send(cstaStream(cstaRecording('conference')));
    const [event, ...more] = await ended(PBX, '132');
    expect(more).toEqual([]);
    expect(event.data).toMatchObject({ externalCallId: '130', agent: '2001', transferred: false, outcome: 'answered' });
    expect((await kit.call(PBX, '130'))!.id).toBe((await kit.call(PBX, '132'))!.id);
  });

  it('takes the same documents on the NATS inbound subject, keyed by the pbx header', async () => {
    const js = kit.nc.jetstream();
    const h = natsHeaders();
    h.set(CSTA_PBX_HEADER, 'mitel-7');
    for (const xml of cstaRecording('blind-transfer')) await js.publish(kit.env.namespace.subject(TelephonyInbound.csta), xml, { headers: h });
    const [event] = await ended('mitel-7', '107');
    expect(event.data).toMatchObject({ pbx: 'mitel-7', externalCallId: '106', transferred: true, outcome: 'answered', agent: '2001' });
  });

  it('dead-letters malformed XML and a message without its pbx, with the reason, and goes on', async () => {
    const js = kit.nc.jetstream();
    const subject = kit.env.namespace.subject(TelephonyInbound.csta);
    const h = natsHeaders();
    h.set(CSTA_PBX_HEADER, 'mitel-7');
    await js.publish(subject, '<DeliveredEvent><connection><callID>1</callID></DeliveredEvent>', { headers: h });
    await js.publish(subject, cstaRecording('inbound-answered')[0]);
    await js.publish(subject, Buffer.from([0xff, 0xfe, 0x3c]), { headers: h });
    const letters = await waitFor(async () => {
      const all = await kit.deadLetters();
      return all.length >= 3 ? all : undefined;
    }, 'three dead letters');
    expect(letters.map((l) => l.code)).toEqual([CstaErrorCode.XML_MALFORMED, ErrorCode.VALIDATION_FAILED, CstaErrorCode.XML_MALFORMED]);
    expect(letters[0].error).toMatch(/^CSTA message is not well-formed XML: .+/);
    expect(letters[1].error).toContain('d115-pbx');
    expect(letters[2].error).toBe('CSTA message is not valid UTF-8');

    for (const xml of cstaRecording('inbound-no-answer')) await js.publish(subject, xml, { headers: h });
    const [event] = await ended('mitel-7', '103');
    expect(event.data).toMatchObject({ outcome: 'no-answer' });
  });

  it('lets one instance hold the connection to a CSTA server, and another take over when it stops', async () => {
    const second = await kit.start(cstaEnv());
    const host = second.app.get(CstaClientHost);
    await waitFor(() => host.lockAttempts >= 1, "the second instance's try for the lock");
    expect(host.holding).toEqual([]);
    expect(kit.instances[0].app.get(CstaClientHost).holding).toEqual([PBX]);
    expect(server.connections).toBe(1);
    expect(server.monitorStarts).toHaveLength(3);
    await kit.env.stop(kit.instances[0]);
    await waitFor(() => server.monitorStarts.length >= 6 && server.connections === 1, 'the second instance to connect', { timeoutMs: 15000 });
    server.send(cstaStream(cstaRecording('inbound-answered').map((xml) => xml.replace(/<callID>101</g, '<callID>201<'))));
    await ended(PBX, '201');
    expect(host.holding).toEqual([PBX]);
  });
});
