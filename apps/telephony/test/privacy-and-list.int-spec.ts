import { randomUUID } from 'node:crypto';
import { TelephonySubjects } from '@d115/contracts';
import { CallSignal } from '../src/calls/call-signal';
import { TelephonyKit } from './support/telephony-kit';

/** Caller numbers past retention are cleared (audited); the console's call list. */
describe('telephony: number retention and the call list', () => {
  let kit: TelephonyKit;

  beforeAll(async () => {
    kit = await TelephonyKit.create();
    await kit.start({ TELEPHONY_NUMBER_RETENTION_DAYS: '7' });
  });

  afterAll(() => kit.dispose());

  const t0 = new Date('2026-03-02T09:00:00.000Z');
  const signal = (id: string, kind: CallSignal['kind'], seconds: number, extra: Partial<CallSignal> = {}): CallSignal => ({
    pbx: 'pbx-p',
    externalCallId: id,
    kind,
    at: new Date(t0.getTime() + seconds * 1000),
    ...extra,
  });

  it('clears numbers 7 days after the call, keeps the pseudonym, audits the run, and leaves live calls alone', async () => {
    const ended = randomUUID();
    const live = randomUUID();
    await kit.accept(signal(ended, 'offered', 0, { callerNumber: '0381 7654321', queue: 'allgemein' }), signal(ended, 'ended', 60));
    await kit.accept(signal(live, 'offered', 0, { callerNumber: '0381 1112223', queue: 'allgemein' }));

    kit.freezeAt(new Date(t0.getTime() + 6 * 86400 * 1000));
    expect(await kit.runJob('clear-caller-numbers')).toBe(0);
    kit.freezeAt(new Date(t0.getTime() + 7 * 86400 * 1000 + 61000));
    expect(await kit.runJob('clear-caller-numbers')).toBe(1);

    const call = await kit.call('pbx-p', ended);
    expect(call).toMatchObject({ caller_number: null, number_cleared_at: expect.any(Date) });
    expect(call?.caller_pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect((await kit.call('pbx-p', live))?.caller_number).toBe('0381 1112223');
    expect(await kit.count("SELECT count(*) FROM telephony.number_clearing WHERE cleared = 1 AND retention_days = 7 AND actor = 'system:telephony'")).toBe(1);
  });

  it('lists live and recent calls with the number while kept', async () => {
    const id = randomUUID();
    await kit.accept(signal(id, 'offered', 100, { callerNumber: '030 555', queue: 'kfz' }));
    const live = await kit.request(TelephonySubjects.callsList, { state: 'live', queue: 'kfz' });
    expect(live.calls).toEqual([expect.objectContaining({ externalCallId: id, callerNumber: '030 555', queue: 'kfz', endedAt: null, wrapUpOutcome: null })]);
    await kit.accept(signal(id, 'ended', 130));
    const recent = await kit.request(TelephonySubjects.callsList, { state: 'recent', limit: 1 });
    expect(recent.calls).toEqual([expect.objectContaining({ externalCallId: id, outcome: 'abandoned' })]);
    expect((await kit.request(TelephonySubjects.callsList, { state: 'live', queue: 'kfz' })).calls).toEqual([]);
  });
});
