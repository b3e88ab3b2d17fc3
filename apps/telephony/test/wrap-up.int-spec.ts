import { randomUUID } from 'node:crypto';
import { CallWrappedUpEvent, ErrorCode, TelephonyErrorCode, TelephonyEvents, TelephonySubjects } from '@d115/contracts';
import { TelephonyKit } from './support/telephony-kit';

/** Wrap-up: once per call, with a coded error for an unknown or already wrapped-up call. */
describe('telephony: wrap-up', () => {
  let kit: TelephonyKit;

  beforeAll(async () => {
    kit = await TelephonyKit.create();
    await kit.start({ TELEPHONY_AGENT_EXTENSIONS: JSON.stringify({ '150010002': 'agent-anna' }) });
  });

  afterAll(() => kit.dispose());

  const t0 = new Date('2026-03-02T09:00:00.000Z');
  const endedCall = async (callerNumber: string | null = '0381 7654321') => {
    const id = randomUUID();
    await kit.accept(
      { pbx: 'pbx-w', externalCallId: id, kind: 'offered', at: t0, callerNumber },
      { pbx: 'pbx-w', externalCallId: id, kind: 'answered', at: new Date(t0.getTime() + 5000), agent: '150010002' },
      { pbx: 'pbx-w', externalCallId: id, kind: 'ended', at: new Date(t0.getTime() + 60000) },
    );
    return (await kit.call('pbx-w', id))!.id as string;
  };
  const wrappedUp = async (callId: string) => (await kit.events<CallWrappedUpEvent>(TelephonyEvents.callWrappedUp, `call/${callId}`)).map((e) => e.data);

  it('records a callback to the number the citizen called from and raises call.wrapped-up', async () => {
    const callId = await endedCall();
    const reply = await kit.request(TelephonySubjects.wrapUp, {
      actor: 'agent-anna',
      callId,
      outcome: 'callback',
      note: 'Rückruf wegen Wohngeld',
      callback: { preferredChannel: 'phone', useCallerNumber: true },
      leikaKey: '99107004000000',
    });
    expect(reply).toMatchObject({ callId, outcome: 'callback' });
    expect(await wrappedUp(callId)).toEqual([
      expect.objectContaining({
        callId,
        outcome: 'callback',
        callbackNumber: '0381 7654321',
        preferredChannel: 'phone',
        agentId: 'agent-anna',
        leikaKey: '99107004000000',
        endedAt: new Date(t0.getTime() + 60000).toISOString(),
      }),
    ]);
    expect(
      await kit.call('pbx-w', (await kit.sql.query('SELECT external_call_id FROM telephony.call WHERE id = $1', [callId])).rows[0].external_call_id),
    ).toMatchObject({
      wrap_up_outcome: 'callback',
      case_linked: true,
    });
  });

  it('takes an appointment handoff and an email callback', async () => {
    const appointment = await endedCall();
    await kit.request(TelephonySubjects.wrapUp, { actor: 'agent-anna', callId: appointment, outcome: 'appointment', note: 'Termin Bürgeramt gebucht' });
    const byMail = await endedCall();
    await kit.request(TelephonySubjects.wrapUp, {
      actor: 'agent-anna',
      callId: byMail,
      outcome: 'callback',
      note: 'Antwort per Mail',
      callback: { preferredChannel: 'email', email: 'karl@example.org' },
    });
    expect(await wrappedUp(appointment)).toEqual([expect.objectContaining({ outcome: 'appointment' })]);
    expect(await wrappedUp(byMail)).toEqual([expect.objectContaining({ preferredChannel: 'email', callbackEmail: 'karl@example.org' })]);
  });

  it('answers coded errors: unknown call, second wrap-up, callback to a withheld number, missing callback contact', async () => {
    expect((await kit.failure(TelephonySubjects.wrapUp, { actor: 'a', callId: randomUUID(), outcome: 'resolved', note: '' })).code).toBe(
      TelephonyErrorCode.CALL_NOT_FOUND,
    );
    const callId = await endedCall();
    await kit.request(TelephonySubjects.wrapUp, { actor: 'agent-anna', callId, outcome: 'resolved', note: 'erledigt' });
    expect((await kit.failure(TelephonySubjects.wrapUp, { actor: 'agent-anna', callId, outcome: 'forwarded', note: '' })).code).toBe(
      TelephonyErrorCode.CALL_ALREADY_WRAPPED_UP,
    );
    expect(await wrappedUp(callId)).toHaveLength(1);

    const withheld = await endedCall(null);
    const refused = await kit.failure(TelephonySubjects.wrapUp, {
      actor: 'agent-anna',
      callId: withheld,
      outcome: 'callback',
      note: '',
      callback: { preferredChannel: 'phone', useCallerNumber: true },
    });
    expect(refused.code).toBe(TelephonyErrorCode.CALLER_NUMBER_UNAVAILABLE);
    expect(await wrappedUp(withheld)).toHaveLength(0);
    expect((await kit.failure(TelephonySubjects.wrapUp, { actor: 'agent-anna', callId: withheld, outcome: 'callback', note: '' })).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
  });
});
