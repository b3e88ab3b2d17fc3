import { randomUUID } from 'node:crypto';
import { CallEventData, ErrorCode, TelephonyEvents, TelephonyInbound } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { TelephonyKit } from './support/telephony-kit';

/** Generic CTI JSON events (newCall / answer / hangup) on the inbound JetStream subject. */
describe('telephony: generic CTI adapter', () => {
  let kit: TelephonyKit;

  beforeAll(async () => {
    kit = await TelephonyKit.create();
    await kit.start({ TELEPHONY_AGENT_EXTENSIONS: JSON.stringify({ '150010002': 'agent-anna' }) });
  });

  afterAll(() => kit.dispose());

  const t0 = new Date('2026-03-02T09:00:00.000Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000).toISOString();
  const publish = (data: object) => kit.publishInbound(TelephonyInbound.call, data, t0);
  const ended = (callId: string) =>
    waitFor(async () => {
      const call = await kit.call('cti', callId);
      if (!call) return undefined;
      const events = await kit.events<CallEventData>(TelephonyEvents.callEnded, `call/${call.id as string}`);
      return events.length > 0 ? events : undefined;
    }, `call.ended of ${callId}`);

  it('follows a call from newCall over answer to hangup', async () => {
    const callId = randomUUID();
    await publish({ event: 'newCall', callId, from: '0381 7654321', to: '115', direction: 'in', queue: 'allgemein', user: ['Anna', 'Bert'], at: at(0) });
    await publish({ event: 'answer', callId, direction: 'in', user: 'Anna', answeringNumber: '150010002', at: at(8) });
    await publish({ event: 'hangup', callId, direction: 'in', cause: 'normalClearing', at: at(180) });

    const [event] = await ended(callId);
    expect(event.data).toMatchObject({
      pbx: 'cti',
      externalCallId: callId,
      direction: 'inbound',
      calledNumber: '115',
      queue: 'allgemein',
      agent: '150010002',
      agentId: 'agent-anna',
      offeredAt: at(0),
      answeredAt: at(8),
      endedAt: at(180),
      outcome: 'answered',
      cause: 'normalClearing',
    });
  });

  it('maps hangup causes and a withheld caller', async () => {
    const cases: [cause: string, outcome: string][] = [
      ['cancel', 'abandoned'],
      ['busy', 'busy'],
      ['noAnswer', 'no-answer'],
      ['congestion', 'failed'],
    ];
    for (const [cause, outcome] of cases) {
      const callId = randomUUID();
      await publish({ event: 'newCall', callId, from: 'anonymous', to: '115', direction: 'in', at: at(0) });
      await publish({ event: 'hangup', callId, cause, at: at(12) });
      const [event] = await ended(callId);
      expect(event.data).toMatchObject({ outcome, callerWithheld: true, callerPseudonym: null });
    }
  });

  it('takes the same event twice and a hangup before the answer arrives without a second end', async () => {
    const callId = randomUUID();
    const newCall = { event: 'newCall', callId, from: '030 1234567', to: '115', at: at(0) };
    await publish(newCall);
    await publish(newCall);
    await publish({ event: 'hangup', callId, cause: 'normalClearing', at: at(60) });
    const [event] = await ended(callId);
    expect(event.data.outcome).toBe('abandoned');
    // Once the call has ended, a late answer and a repeated hangup change nothing.
    await publish({ event: 'answer', callId, answeringNumber: '2001', at: at(5) });
    await publish({ event: 'hangup', callId, cause: 'normalClearing', at: at(61) });
    const call = await kit.call('cti', callId);
    await waitFor(async () => (await kit.count('SELECT count(*) FROM telephony.inbox')) >= 5, 'all five deliveries handled');
    expect(await kit.events(TelephonyEvents.callEnded, `call/${call!.id as string}`)).toHaveLength(1);
  });

  it('sends an event without callId, an unknown event and garbage to the dead letters with the reason', async () => {
    await publish({ event: 'newCall', from: '0381 1', to: '115' });
    await publish({ event: 'ringing', callId: 'x-1' });
    await kit.publishRaw(TelephonyInbound.call, '{not json');
    const letters = await waitFor(async () => {
      const found = await kit.deadLetters();
      return found.length >= 3 ? found : undefined;
    }, 'three dead letters');
    expect(letters.map((l) => l.code)).toEqual([ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED, ErrorCode.MESSAGE_MALFORMED]);
    expect(letters[0].error).toContain('callId');
    expect(letters[1].error).toContain('event');
  });
});
