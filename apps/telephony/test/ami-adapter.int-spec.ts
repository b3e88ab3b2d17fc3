import { CallEventData, TelephonyEvents } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { amiFixture } from './support/ami-fixtures';
import { FakeAmiServer } from './support/fake-ami-server';
import { TelephonyKit } from './support/telephony-kit';

/** The call's lifecycle events (the screen pop, raised by another consumer on answer, is left out). */
const LIFECYCLE = new Set<string>([TelephonyEvents.callOffered, TelephonyEvents.callAnswered, TelephonyEvents.callEnded]);

/** Recorded Asterisk AMI streams (13–18 event sequences), served over a real TCP socket. */
describe('telephony: Asterisk AMI adapter', () => {
  let kit: TelephonyKit;
  let pbx: FakeAmiServer;
  let pbxName: string;

  const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
  const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

  beforeAll(async () => {
    pbx = await FakeAmiServer.start();
    pbxName = `127.0.0.1:${pbx.port}`;
    kit = await TelephonyKit.create();
    await kit.start({
      TELEPHONY_AMI_URL: pbx.url(),
      TELEPHONY_AMI_TRUNKS: 'peer:telekom,context:from-trunk',
      TELEPHONY_AMI_BACKOFF_MS: '50,100',
      TELEPHONY_AGENT_EXTENSIONS: JSON.stringify({ '150010002': 'agent-anna', '150010003': 'agent-bert' }),
    });
    await waitFor(() => pbx.logins > 0 && pbx.connected > 0, 'AMI login');
  });

  afterAll(async () => {
    await kit.dispose();
    await pbx.close();
  });

  const endedOf = (externalCallId: string) =>
    waitFor(async () => {
      const call = await kit.call(pbxName, externalCallId);
      if (!call?.ended_at) return undefined;
      return (await kit.events<CallEventData>(undefined, `call/${call.id as string}`))
        .filter((e) => LIFECYCLE.has(e.subject))
        .map((e) => ({ subject: e.subject, ...e.data }));
    }, `call ${externalCallId} ended`);
  const play = async (name: string, chunk?: number) => {
    const fixture = amiFixture(name);
    await pbx.send(fixture.text, chunk);
    return fixture;
  };
  const endedEvents = (events: ({ subject: string } & CallEventData)[]) => events.filter((e) => e.subject === TelephonyEvents.callEnded);

  it('logs in with the configured user and secret and lists the channels', () => {
    expect(pbx.actions[0]).toMatchObject({ action: 'Login', username: 'd115', secret: 'geheim' });
    expect(pbx.actions[1]).toMatchObject({ action: 'CoreShowChannels' });
  });

  it('simple A→B: offered, answered when bridged, one ended with times from the events', async () => {
    const { id } = await play('simple-answered', 97);
    const events = await endedOf(id('1772442000.1'));
    expect(events.map((e) => e.subject)).toEqual([TelephonyEvents.callOffered, TelephonyEvents.callAnswered, TelephonyEvents.callEnded]);
    expect(events[2]).toMatchObject({
      pbx: pbxName,
      direction: 'inbound',
      calledNumber: '115',
      agent: '150010002',
      agentId: 'agent-anna',
      offeredAt: at(0),
      answeredAt: at(12),
      endedAt: at(192),
      outcome: 'answered',
      callerWithheld: false,
    });
  });

  it('reads Asterisk 13 spellings (LinkedID, UniqueID, event:) over LF without timestamps, timing by receipt', async () => {
    const before = Date.now();
    const { id } = await play('simple-answered-ast13-lf');
    const events = await endedOf(id('1772442000.1'));
    const ended = endedEvents(events)[0];
    expect(ended).toMatchObject({ direction: 'inbound', outcome: 'answered', agent: '150010002' });
    expect(new Date(ended.offeredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it.each([
    ['busy', 'busy'],
    ['no-answer', 'no-answer'],
    ['caller-cancels', 'abandoned'],
  ])('%s ends the call as %s, never answered', async (fixture, outcome) => {
    const { id } = await play(fixture);
    const events = await endedOf(id('1772442000.1'));
    expect(events.map((e) => e.subject)).toEqual([TelephonyEvents.callOffered, TelephonyEvents.callEnded]);
    expect(events[1]).toMatchObject({ outcome, answeredAt: null, direction: 'inbound' });
  });

  it('queue answered: the PBX answering for music is no answer; the agent connecting is', async () => {
    const { id } = await play('queue-answered');
    const ended = endedEvents(await endedOf(id('1772442000.1')))[0];
    expect(ended).toMatchObject({ queue: 'allgemein', queuedAt: at(1), answeredAt: at(25), endedAt: at(305), agent: '150010003', agentId: 'agent-bert' });
  });

  it('queue with Local channel members: the agent is the device behind the Local pair, answered at its pickup', async () => {
    const { id } = await play('queue-local-members');
    const events = await endedOf(id('1772442000.1'));
    expect(endedEvents(events)).toEqual([
      expect.objectContaining({
        queue: 'buergerservice',
        answeredAt: at(18),
        endedAt: at(258),
        agent: '150010002',
        agentId: 'agent-anna',
        outcome: 'answered',
      }),
    ]);
  });

  it('queue abandoned: the caller gave up after 40 s', async () => {
    const { id } = await play('queue-abandoned');
    const ended = endedEvents(await endedOf(id('1772442000.1')))[0];
    expect(ended).toMatchObject({ queue: 'allgemein', outcome: 'abandoned', answeredAt: null, endedAt: at(40) });
  });

  it('blind transfer: one call, transferred, answered by the first agent, ended once', async () => {
    const { id } = await play('blind-transfer');
    const events = await endedOf(id('1772442000.1'));
    expect(endedEvents(events)).toHaveLength(1);
    expect(endedEvents(events)[0]).toMatchObject({ transferred: true, transferredAt: at(60), agent: '150010002', outcome: 'answered', endedAt: at(200) });
  });

  it('attended transfer: the caller’s call continues with the second agent; the consult call is an internal call of its own', async () => {
    const { id } = await play('attended-transfer');
    const caller = await endedOf(id('1772442000.1'));
    const consult = await endedOf(id('1772442040.3'));
    expect(endedEvents(caller)).toEqual([expect.objectContaining({ direction: 'inbound', transferred: true, endedAt: at(260), outcome: 'answered' })]);
    expect(endedEvents(consult)).toEqual([expect.objectContaining({ direction: 'internal', outcome: 'answered', endedAt: at(80) })]);
  });

  it('call pickup: answered by the agent who picked up; the pickup leg is no call', async () => {
    const { id } = await play('pickup');
    const ended = endedEvents(await endedOf(id('1772442000.1')))[0];
    expect(ended).toMatchObject({ agent: '150010003', agentId: 'agent-bert', answeredAt: at(9), outcome: 'answered' });
    expect(await kit.call(pbxName, id('1772442008.3'))).toBeUndefined();
  });

  it('click-to-dial: an outbound call answered when the citizen picks up, the agent is the originating device', async () => {
    const { id } = await play('click-to-dial');
    const ended = endedEvents(await endedOf(id('1772442000.1')))[0];
    expect(ended).toMatchObject({ direction: 'outbound', agent: '150010002', agentId: 'agent-anna', offeredAt: at(4), answeredAt: at(15), endedAt: at(95) });
    expect(JSON.stringify(ended)).not.toContain('03817654321');
  });

  it('CLIR: the withheld number leaks neither into events nor into the store', async () => {
    const { id } = await play('clir');
    const events = await endedOf(id('1772442000.1'));
    expect(endedEvents(events)[0]).toMatchObject({ callerWithheld: true, callerPseudonym: null, outcome: 'answered' });
    expect(JSON.stringify(events)).not.toContain('9999999');
    expect(await kit.call(pbxName, id('1772442000.1'))).toMatchObject({ caller_number: null, caller_pseudonym: null });
  });

  it('survives garbage, unknown events and a storm for one call, and keeps the connection', async () => {
    const { text, id } = amiFixture('simple-answered');
    const [head, ...rest] = text.split('\r\n\r\n');
    const storm = Array.from(
      { length: 2000 },
      (_, i) => `Event: Newstate\r\nUniqueid: ${id('1772442000.1')}\r\nLinkedid: ${id('1772442000.1')}\r\nChannelState: 4\r\nSeq: ${i}\r\n\r\n`,
    ).join('');
    await pbx.send(`${head}\r\n\r\n\u0000\u00ff%%garbage line\r\nEvent: FancyNewEvent2030\r\nFoo: bar\r\n\r\n${storm}${rest.join('\r\n\r\n')}`);
    const events = await endedOf(id('1772442000.1'));
    expect(endedEvents(events)).toHaveLength(1);
    expect(pbx.logins).toBe(1);
  });

  it('after a lost connection: reconnects, reconciles the calls in progress and finishes each exactly once', async () => {
    const gone = amiFixture('simple-answered');
    const staying = amiFixture('queue-answered');
    const cut = (text: string, marker: string) => text.slice(0, text.indexOf(marker));
    // Both calls are answered, then the connection drops before their hangups.
    await pbx.send(cut(gone.text, 'Event: BridgeLeave'));
    await pbx.send(cut(staying.text, 'Event: BridgeLeave'));
    await waitFor(async () => (await kit.call(pbxName, staying.id('1772442000.1')))?.answered_at, 'second call answered');
    await waitFor(async () => (await kit.call(pbxName, gone.id('1772442000.1')))?.answered_at, 'first call answered');
    // On reconnect only the second call still has channels.
    pbx.channels = [
      `Channel: PJSIP/telekom-00000001\nUniqueid: ${staying.id('1772442000.1')}\nLinkedid: ${staying.id('1772442000.1')}\nChannelState: 6\nBridgeId: q-bridge-1\nContext: from-trunk`,
      `Channel: PJSIP/150010003-00000002\nUniqueid: ${staying.id('1772442000.2')}\nLinkedid: ${staying.id('1772442000.1')}\nChannelState: 6\nBridgeId: q-bridge-1\nContext: from-internal`,
    ];
    const logins = pbx.logins;
    pbx.dropClients();
    await waitFor(() => pbx.logins > logins && pbx.connected > 0, 'second login');

    const goneEvents = await endedOf(gone.id('1772442000.1'));
    expect(endedEvents(goneEvents)).toEqual([expect.objectContaining({ outcome: 'answered', cause: 'reconciled' })]);
    expect((await kit.call(pbxName, staying.id('1772442000.1')))?.ended_at).toBeNull();

    // The rest of the second call's stream ends it, once; a repeated listing changes nothing.
    await pbx.send(staying.text.slice(staying.text.indexOf('Event: BridgeLeave')));
    const stayingEvents = await endedOf(staying.id('1772442000.1'));
    expect(endedEvents(stayingEvents)).toEqual([expect.objectContaining({ endedAt: at(305), outcome: 'answered' })]);
    pbx.channels = [];
    const again = pbx.logins;
    pbx.dropClients();
    await waitFor(() => pbx.logins > again && pbx.connected > 0, 'third login');
    const simple = amiFixture('busy');
    await pbx.send(simple.text);
    await endedOf(simple.id('1772442000.1'));
    expect(endedEvents(await endedOf(gone.id('1772442000.1')))).toHaveLength(1);
    expect(endedEvents(await endedOf(staying.id('1772442000.1')))).toHaveLength(1);
  });

  it('keeps the session alive with pings and replaces a session that went silent without closing', async () => {
    const other = await FakeAmiServer.start();
    const second = await kit.env.start((await import('../src/main')).telephonyService, {
      TELEPHONY_SCHEDULER_ENABLED: 'false',
      TELEPHONY_AMI_URL: other.url(),
      TELEPHONY_AMI_BACKOFF_MS: '20',
      TELEPHONY_AMI_PING_MS: '100',
    });
    await waitFor(() => other.actions.filter((a) => a.action === 'Ping').length >= 2 && other.logins === 1, 'pings answered on one session');
    other.mute = true;
    await waitFor(() => other.actions.filter((a) => a.action === 'Login').length >= 2, 'a new session after the silence');
    other.mute = false;
    await waitFor(() => other.logins >= 2, 'logged in again');
    await kit.env.stop(second);
    await other.close();
  });

  it('refused login: logs it, retries with backoff, never crashes', async () => {
    const other = await FakeAmiServer.start('richtig');
    const second = await kit.env.start((await import('../src/main')).telephonyService, {
      TELEPHONY_SCHEDULER_ENABLED: 'false',
      TELEPHONY_AMI_URL: other.url('d115', 'falsch'),
      TELEPHONY_AMI_BACKOFF_MS: '20',
    });
    await waitFor(() => other.actions.filter((a) => a.action === 'Login').length >= 3, 'three login attempts');
    expect(other.logins).toBe(0);
    await kit.env.stop(second);
    await other.close();
  });
});
