import { randomUUID } from 'node:crypto';
import { CallEventData, TelephonyEvents } from '@d115/contracts';
import { CallSignal } from '../src/calls/call-signal';
import { TelephonyKit } from './support/telephony-kit';

const LIFECYCLE = new Set<string>([TelephonyEvents.callOffered, TelephonyEvents.callAnswered, TelephonyEvents.callEnded]);

/** The call signal sink: signals from any adapter → durable calls and exactly one call.ended. */
describe('telephony: call signal sink', () => {
  let kit: TelephonyKit;

  beforeAll(async () => {
    kit = await TelephonyKit.create();
    await kit.start({ TELEPHONY_AGENT_EXTENSIONS: JSON.stringify({ '150010002': 'agent-anna' }) });
  });

  afterAll(() => kit.dispose());

  const t0 = new Date('2026-03-02T09:00:00.000Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const signal = (id: string, kind: CallSignal['kind'], seconds: number, extra: Partial<CallSignal> = {}): CallSignal => ({
    pbx: 'pbx-a',
    externalCallId: id,
    kind,
    at: at(seconds),
    ...extra,
  });
  const eventsOf = async (id: string) => {
    const call = await kit.call('pbx-a', id);
    // The lifecycle events; the screen pop (raised on answer by another consumer) is not the sink's.
    return call ? (await kit.events<CallEventData>(undefined, `call/${call.id as string}`)).filter((e) => LIFECYCLE.has(e.subject)) : [];
  };

  it('stores a call answered by an agent and raises offered, answered and one ended', async () => {
    const id = randomUUID();
    await kit.accept(
      signal(id, 'offered', 0, { direction: 'inbound', callerNumber: '0381 7654321', calledNumber: '115', queue: 'allgemein' }),
      signal(id, 'queued', 0, { queue: 'allgemein' }),
      signal(id, 'ringing', 10, { agent: 'PJSIP/150010002' }),
    );
    await kit.accept(signal(id, 'answered', 12, { agent: 'PJSIP/150010002' }));
    await kit.accept(signal(id, 'ended', 200, { outcome: 'answered', cause: '16' }));

    const events = await eventsOf(id);
    expect(events.map((e) => e.subject)).toEqual([TelephonyEvents.callOffered, TelephonyEvents.callAnswered, TelephonyEvents.callEnded]);
    const ended = events[2].data;
    expect(ended).toMatchObject({
      externalCallId: id,
      pbx: 'pbx-a',
      direction: 'inbound',
      callerWithheld: false,
      calledNumber: '115',
      queue: 'allgemein',
      agent: 'PJSIP/150010002',
      agentId: 'agent-anna',
      offeredAt: at(0).toISOString(),
      answeredAt: at(12).toISOString(),
      endedAt: at(200).toISOString(),
      outcome: 'answered',
      transferred: false,
    });
    expect(ended.callerPseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(events)).not.toContain('7654321');
    expect((await kit.call('pbx-a', id))?.caller_number).toBe('0381 7654321');
  });

  it('copes with a hangup before the answer in one batch, repeated hangups and duplicates', async () => {
    const id = randomUUID();
    const offered = signal(id, 'offered', 0, { callerNumber: '0381 111' });
    const ended = signal(id, 'ended', 90, { outcome: 'abandoned' });
    await kit.accept(ended, signal(id, 'answered', 20, { agent: 'SIP/2000' }), offered, offered);
    await kit.accept(ended);
    await kit.accept(ended, signal(id, 'answered', 30));

    const events = await eventsOf(id);
    expect(events.map((e) => e.subject)).toEqual([TelephonyEvents.callOffered, TelephonyEvents.callAnswered, TelephonyEvents.callEnded]);
    expect(events[2].data).toMatchObject({ outcome: 'answered', answeredAt: at(20).toISOString(), agentId: null });
  });

  it('ends an unanswered call as abandoned and creates nothing for a hangup of a call never seen', async () => {
    const abandoned = randomUUID();
    const unknown = randomUUID();
    await kit.accept(signal(abandoned, 'offered', 0), signal(unknown, 'ended', 5));
    await kit.accept(signal(abandoned, 'ended', 40));
    expect((await eventsOf(abandoned)).map((e) => e.data.outcome)).toEqual([null, 'abandoned']);
    expect(await kit.call('pbx-a', unknown)).toBeUndefined();
  });

  it('ends a call whose hangup was committed before its first signals (a redelivered newCall), once and at the hangup', async () => {
    const id = randomUUID();
    await kit.accept(signal(id, 'ended', 90, { cause: 'normalClearing' }));
    expect(await kit.call('pbx-a', id)).toBeUndefined();
    expect(await kit.count('SELECT count(*) FROM telephony.early_end WHERE external_call_id = $1', [id])).toBe(1);
    await kit.accept(signal(id, 'offered', 0, { callerNumber: '0381 222' }), signal(id, 'answered', 12, { agent: 'PJSIP/150010002' }));
    const events = await eventsOf(id);
    expect(events.map((e) => e.subject)).toEqual([TelephonyEvents.callOffered, TelephonyEvents.callAnswered, TelephonyEvents.callEnded]);
    expect(events[2].data).toMatchObject({ outcome: 'answered', answeredAt: at(12).toISOString(), endedAt: at(90).toISOString(), cause: 'normalClearing' });
    expect(await kit.count('SELECT count(*) FROM telephony.early_end WHERE external_call_id = $1', [id])).toBe(0);
    // A hangup of an unknown call whose first signal comes later than it belongs to another call: it does not end that one.
    const other = randomUUID();
    await kit.accept(signal(other, 'ended', 5));
    await kit.accept(signal(other, 'offered', 600));
    expect((await eventsOf(other)).map((e) => e.subject)).toEqual([TelephonyEvents.callOffered]);
  });

  it('lets a late answer after the committed hangup neither reopen the call nor count it twice', async () => {
    const id = randomUUID();
    await kit.accept(signal(id, 'offered', 0, { callerNumber: '0381 333' }));
    await kit.accept(signal(id, 'ended', 40));
    await kit.accept(signal(id, 'answered', 10, { agent: 'PJSIP/150010002' }));
    await kit.accept(signal(id, 'ended', 41), signal(id, 'answered', 11));
    const events = await eventsOf(id);
    expect(events.map((e) => e.subject)).toEqual([TelephonyEvents.callOffered, TelephonyEvents.callEnded]);
    expect(events[1].data).toMatchObject({ outcome: 'abandoned', answeredAt: null, endedAt: at(40).toISOString() });
    expect(await kit.call('pbx-a', id)).toMatchObject({ outcome: 'abandoned', answered_at: null, agent: null });
  });

  it('takes up a call first heard of in the middle (restart) and finishes it once', async () => {
    const id = randomUUID();
    await kit.accept(signal(id, 'answered', 30, { agent: 'PJSIP/150010002' }));
    await kit.accept(signal(id, 'ended', 60), signal(id, 'ended', 61));
    const events = await eventsOf(id);
    expect(events.map((e) => e.subject)).toEqual([TelephonyEvents.callOffered, TelephonyEvents.callAnswered, TelephonyEvents.callEnded]);
    expect(events[2].data).toMatchObject({ offeredAt: at(30).toISOString(), endedAt: at(60).toISOString(), outcome: 'answered' });
  });

  it('never lets a withheld number into the store or the events, even when it came in clear first', async () => {
    const id = randomUUID();
    await kit.accept(signal(id, 'offered', 0, { callerNumber: '0171 9999999' }));
    await kit.accept(signal(id, 'withheld', 1), signal(id, 'offered', 0, { callerNumber: '0171 9999999' }));
    await kit.accept(signal(id, 'ended', 3, { outcome: 'busy' }));
    const call = await kit.call('pbx-a', id);
    expect(call).toMatchObject({ caller_number: null, caller_withheld: true, caller_pseudonym: null, outcome: 'busy' });
    const ended = (await eventsOf(id)).at(-1)!.data;
    expect(ended).toMatchObject({ callerWithheld: true, callerPseudonym: null });
  });

  it('follows a call that continues under another id and keeps it one call', async () => {
    const first = randomUUID();
    const second = randomUUID();
    await kit.accept(signal(first, 'offered', 0), signal(first, 'answered', 5, { agent: 'SIP/2001' }));
    await kit.accept(signal(second, 'transferred', 60, { continuesExternalCallId: first, agent: 'SIP/2002' }));
    await kit.accept(signal(second, 'ended', 120));
    const call = await kit.call('pbx-a', second);
    expect(call?.id).toBe((await kit.call('pbx-a', first))?.id);
    expect(call).toMatchObject({ transferred: true, agent: 'SIP/2001', outcome: 'answered' });
    expect(await kit.count('SELECT count(*) FROM telephony.call WHERE external_call_id IN ($1, $2)', [first, second])).toBe(1);
    expect((await eventsOf(first)).filter((e) => e.subject === TelephonyEvents.callEnded)).toHaveLength(1);
  });

  it('creates one call when two batches report the same new call at once', async () => {
    const id = randomUUID();
    await Promise.all([kit.accept(signal(id, 'offered', 0)), kit.accept(signal(id, 'offered', 0)), kit.accept(signal(id, 'ringing', 1))]);
    expect(await kit.count('SELECT count(*) FROM telephony.call WHERE external_call_id = $1', [id])).toBe(1);
    expect((await eventsOf(id)).map((e) => e.subject)).toEqual([TelephonyEvents.callOffered]);
  });
});

describe('telephony: reaping calls that never end', () => {
  let kit: TelephonyKit;

  beforeAll(async () => {
    kit = await TelephonyKit.create();
    await kit.start({ TELEPHONY_CALL_TIMEOUT_S: '3600' });
  });

  afterAll(() => kit.dispose());

  it('ends a call silent for longer than the timeout at its last signal, and a late signal makes no second call', async () => {
    const id = randomUUID();
    const t0 = new Date('2026-03-02T09:00:00.000Z');
    await kit.accept(
      { pbx: 'pbx-r', externalCallId: id, kind: 'offered', at: t0 },
      { pbx: 'pbx-r', externalCallId: id, kind: 'answered', at: new Date(t0.getTime() + 5000) },
    );
    kit.freezeAt(new Date(t0.getTime() + 3000 * 1000));
    expect(await kit.runJob('reap-stale-calls')).toBe(0);
    kit.freezeAt(new Date(t0.getTime() + 3700 * 1000));
    expect(await kit.runJob('reap-stale-calls')).toBe(1);
    expect(await kit.call('pbx-r', id)).toMatchObject({ outcome: 'answered', cause: 'reaped', ended_at: new Date(t0.getTime() + 5000) });

    await kit.accept({ pbx: 'pbx-r', externalCallId: id, kind: 'ended', at: new Date(t0.getTime() + 9000 * 1000) });
    expect(await kit.count('SELECT count(*) FROM telephony.call WHERE external_call_id = $1', [id])).toBe(1);
    expect(
      await kit.count(`SELECT count(*) FROM telephony.outbox WHERE subject = $1 AND envelope->'data'->>'externalCallId' = $2`, [TelephonyEvents.callEnded, id]),
    ).toBe(1);
  });
});
