import { TelephonyEvents } from '@d115/contracts';
import { EventTranslations } from '../events/event-audience';
import { reaches } from '../events/live-event';
import { CallLiveEvents } from './call-live-events';

describe('CallLiveEvents', () => {
  const translations = new EventTranslations();
  new CallLiveEvents(translations).onModuleInit();
  const agent = { userId: 'anna', supervisor: false, queues: new Set(['general']) };
  const supervisor = { userId: 'sven', supervisor: true, queues: new Set<string>() };
  const call = {
    callId: '0192f0d0-0000-7000-8000-000000000001',
    pbx: 'cti',
    externalCallId: 'c-1',
    direction: 'inbound',
    callerWithheld: false,
    callerPseudonym: 'hmac-of-the-number',
    calledNumber: '115',
    queue: 'general',
    agentId: 'anna',
    offeredAt: '2026-12-02T15:00:00.000Z',
    transferred: false,
    forwarded: false,
  };

  it.each([
    [TelephonyEvents.callOffered, 'offered'],
    [TelephonyEvents.callAnswered, 'answered'],
    [TelephonyEvents.callEnded, 'ended'],
  ])('tells supervisors of %s as call.changed (%s), without number or pseudonym', (subject, state) => {
    const event = translations.translate(subject, call)!;
    expect(event).toMatchObject({ event: 'call.changed', data: { callId: call.callId, state, queue: 'general', offeredAt: call.offeredAt } });
    expect(JSON.stringify(event.data)).not.toMatch(/hmac|115"|anna/);
    expect([agent, supervisor].map((listener) => reaches(event.audience, listener))).toEqual([false, true]);
  });
});
