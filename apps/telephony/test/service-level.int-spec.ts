import { randomUUID } from 'node:crypto';
import { ServiceLevelFigures, ServiceLevelUpdatedEvent, TelephonyEvents, TelephonySubjects, WrapUpCallRequest } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { CallSignal } from '../src/calls/call-signal';
import { TelephonyKit } from './support/telephony-kit';

/**
 * A day of calls with known answers (Monday 2 March 2026, Rostock, service hours 08:00–18:00
 * local = 07:00–17:00 UTC). Every figure below is counted by hand in the comments.
 */
describe('telephony: service level', () => {
  let kit: TelephonyKit;

  interface DayCall {
    offered: string;
    answerS?: number;
    endS: number;
    outcome?: 'busy';
    queue?: string;
    direction?: 'outbound';
    wrapUp?: WrapUpCallRequest['outcome'];
  }
  const day: DayCall[] = [
    /* 1 */ { offered: '09:00:00', answerS: 10, endS: 130, wrapUp: 'resolved' },
    /* 2 */ { offered: '09:01:00', answerS: 30, endS: 90, wrapUp: 'forwarded' },
    /* 3 */ { offered: '09:02:00', answerS: 31, endS: 331, wrapUp: 'resolved' },
    /* 4 */ { offered: '09:03:00', endS: 3 },
    /* 5 */ { offered: '09:04:00', endS: 45 },
    /* 6 */ { offered: '09:05:00', endS: 2, outcome: 'busy' },
    /* 7 */ { offered: '09:14:59', answerS: 5, endS: 65, wrapUp: 'appointment' },
    /* 8 */ { offered: '09:15:00', answerS: 60, endS: 180, wrapUp: 'forwarded' },
    /* 9 */ { offered: '09:20:00', endS: 20 },
    /* 10 outside service hours */ { offered: '17:30:00', answerS: 2, endS: 62, wrapUp: 'resolved' },
    /* 11 outbound */ { offered: '10:00:00', answerS: 8, endS: 68, direction: 'outbound' },
    /* 12 other queue */ { offered: '09:05:00', answerS: 12, endS: 72, queue: 'kfz', wrapUp: 'resolved' },
  ];

  beforeAll(async () => {
    kit = await TelephonyKit.create();
    await kit.start();
    for (const call of day) {
      const id = randomUUID();
      const offered = new Date(`2026-03-02T${call.offered}.000Z`);
      const at = (s: number) => new Date(offered.getTime() + s * 1000);
      const signal = (kind: CallSignal['kind'], s: number, extra: Partial<CallSignal> = {}): CallSignal => ({
        pbx: 'sl',
        externalCallId: id,
        kind,
        at: at(s),
        ...extra,
      });
      await kit.accept(
        signal('offered', 0, { direction: call.direction ?? 'inbound', queue: call.queue ?? 'allgemein', callerNumber: '0381 1234567' }),
        ...(call.answerS !== undefined ? [signal('answered', call.answerS, { agent: '2001' })] : []),
        signal('ended', call.endS, call.outcome ? { outcome: call.outcome } : {}),
      );
      if (call.wrapUp) {
        const callId = (await kit.call('sl', id))!.id as string;
        await kit.request(TelephonySubjects.wrapUp, {
          actor: 'agent-anna',
          callId,
          outcome: call.wrapUp,
          note: 'Notiz',
          ...(call.wrapUp === 'callback' ? { callback: { preferredChannel: 'phone' as const, number: '0381 1' } } : {}),
        });
      }
    }
    const handled = (consumer: string) => kit.count('SELECT count(*) FROM telephony.inbox WHERE consumer = $1', [consumer]);
    await waitFor(async () => (await handled('telephony-service-level-call-ended')) === 12, 'every call.ended counted');
    await waitFor(async () => (await handled('telephony-service-level-wrapped-up')) === 7, 'every wrap-up counted');
  });

  afterAll(() => kit.dispose());

  const get = async (granularity: 'interval' | 'day' | 'total', queue?: string) =>
    (
      await kit.request(TelephonySubjects.serviceLevelGet, {
        from: '2026-03-01T23:00:00.000Z',
        to: '2026-03-02T23:00:00.000Z',
        granularity,
        ...(queue ? { queue } : {}),
      })
    ).periods;

  it('gives the day of queue allgemein as counted by hand', async () => {
    expect(await get('day', 'allgemein')).toEqual([
      {
        start: '2026-03-01T23:00:00.000Z', // local midnight
        end: '2026-03-02T23:00:00.000Z',
        queue: 'allgemein',
        offered: 9, // calls 1–9
        answered: 5, // 1, 2, 3, 7, 8
        answeredWithinThreshold: 3, // waits 10, 30 (exactly the threshold), 5
        abandoned: 2, // 5 (45 s), 9 (20 s)
        shortAbandoned: 1, // 4 (3 s)
        otherUnanswered: 1, // 6 busy
        avgAbandonWait: 32.5, // (45 + 20) / 2
        avgWait: 27.2, // (10 + 30 + 31 + 5 + 60) / 5
        p90Wait: 60, // nearest rank: ceil(0.9 × 5) = 5th of 5, 10, 30, 31, 60
        avgTalk: 132, // (120 + 60 + 300 + 60 + 120) / 5
        serviceLevel: 37.5, // 3 / (9 − 1)
        wrappedUp: 5, // 1, 2, 3, 7, 8
        resolvedAtFirstContact: 3, // 1, 3 resolved; 7 appointment
        firstContactResolution: 60, // 3 / 5
      },
    ]);
  });

  it('gives the two intervals of queue allgemein as counted by hand', async () => {
    const intervals = await get('interval', 'allgemein');
    expect(intervals.map((i) => [i.start, i.end])).toEqual([
      ['2026-03-02T09:00:00.000Z', '2026-03-02T09:15:00.000Z'],
      ['2026-03-02T09:15:00.000Z', '2026-03-02T09:30:00.000Z'],
    ]);
    expect(intervals[0]).toMatchObject({
      offered: 7, // 1–7 (7 offered at 09:14:59)
      answered: 4,
      answeredWithinThreshold: 3,
      abandoned: 1,
      shortAbandoned: 1,
      otherUnanswered: 1,
      avgAbandonWait: 45,
      avgWait: 19, // (10 + 30 + 31 + 5) / 4
      p90Wait: 31, // ceil(3.6) = 4th of 5, 10, 30, 31
      avgTalk: 135, // (120 + 60 + 300 + 60) / 4
      serviceLevel: 50, // 3 / (7 − 1)
      wrappedUp: 4,
      resolvedAtFirstContact: 3,
      firstContactResolution: 75,
    });
    expect(intervals[1]).toMatchObject({
      offered: 2,
      answered: 1,
      answeredWithinThreshold: 0,
      abandoned: 1,
      shortAbandoned: 0,
      avgAbandonWait: 20,
      avgWait: 60,
      p90Wait: 60,
      avgTalk: 120,
      serviceLevel: 0,
      wrappedUp: 1,
      resolvedAtFirstContact: 0,
      firstContactResolution: 0,
    });
  });

  it('gives all queues together, leaving out the outbound call and the one after hours', async () => {
    const [total] = await get('total');
    expect(total).toMatchObject({
      queue: null,
      offered: 10, // 1–9 and 12
      answered: 6,
      answeredWithinThreshold: 4, // + 12 (12 s)
      abandoned: 2,
      shortAbandoned: 1,
      otherUnanswered: 1,
      avgWait: 24.7, // (136 + 12) / 6 = 24.67
      p90Wait: 60, // ceil(5.4) = 6th of 5, 10, 12, 30, 31, 60
      avgTalk: 120, // (660 + 60) / 6
      serviceLevel: 44.4, // 4 / 9
      wrappedUp: 6,
      resolvedAtFirstContact: 4,
      firstContactResolution: 66.7,
    } satisfies Partial<ServiceLevelFigures>);
    // A range that is no whole local day reads the per-interval histogram: the same figures.
    const { periods } = await kit.request(TelephonySubjects.serviceLevelGet, {
      from: '2026-03-02T09:00:00.000Z',
      to: '2026-03-02T09:30:00.000Z',
      granularity: 'total',
    });
    expect(periods).toEqual([{ ...total, start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T09:30:00.000Z' }]);
  });

  it('publishes the figures of the interval a call changed (live)', async () => {
    const updates = await kit.events<ServiceLevelUpdatedEvent>(TelephonyEvents.serviceLevelUpdated);
    expect(updates).toHaveLength(10);
    const last = updates.filter((u) => u.data.queue === 'allgemein' && u.data.start === '2026-03-02T09:15:00.000Z').at(-1)!;
    expect(last.data).toMatchObject({ offered: 2, answered: 1, abandoned: 1, serviceLevel: 0 });
  });
});
