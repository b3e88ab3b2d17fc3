import { CallEventData } from '@d115/contracts';
import { contributionOf, intervalStartOf } from './contribution';

describe('service-level contribution of a call', () => {
  const thresholds = { serviceLevelSeconds: 30, shortAbandonSeconds: 5 };
  const t0 = Date.parse('2026-03-02T09:07:00.000Z');
  const call = (answerS: number | null, endS: number, outcome: CallEventData['outcome'] = answerS === null ? 'abandoned' : 'answered'): CallEventData => ({
    callId: 'c',
    pbx: 'p',
    externalCallId: 'x',
    direction: 'inbound',
    callerWithheld: false,
    offeredAt: new Date(t0).toISOString(),
    answeredAt: answerS === null ? null : new Date(t0 + answerS * 1000).toISOString(),
    endedAt: new Date(t0 + endS * 1000).toISOString(),
    outcome,
    transferred: false,
    forwarded: false,
    queue: 'allgemein',
  });

  it('counts an answer at exactly the threshold as within it', () => {
    expect(contributionOf(call(30, 90), thresholds)).toMatchObject({
      answered: 1,
      answeredInThreshold: 1,
      answeredWaitMs: 30000,
      talkMs: 60000,
      waitSeconds: 30,
    });
    expect(contributionOf(call(30.001, 90), thresholds)).toMatchObject({ answeredInThreshold: 0, waitSeconds: 30 });
  });

  it('separates short abandons (under 5 s) from abandons', () => {
    expect(contributionOf(call(null, 4.999), thresholds)).toMatchObject({ shortAbandoned: 1, abandoned: 0 });
    expect(contributionOf(call(null, 5), thresholds)).toMatchObject({ shortAbandoned: 0, abandoned: 1, abandonedWaitMs: 5000 });
  });

  it('counts busy and the like as other unanswered, in the interval of the offer', () => {
    const busy = contributionOf(call(null, 3, 'busy'), thresholds);
    expect(busy).toMatchObject({ unansweredOther: 1, abandoned: 0, shortAbandoned: 0 });
    expect(busy.intervalStart).toEqual(new Date('2026-03-02T09:00:00.000Z'));
    expect(intervalStartOf(new Date('2026-03-02T09:15:00.000Z'))).toEqual(new Date('2026-03-02T09:15:00.000Z'));
  });
});
