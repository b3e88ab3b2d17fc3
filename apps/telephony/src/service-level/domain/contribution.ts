import { CallEventData } from '@d115/contracts';

/** The counts and sums of an interval row (and of any period summed from them). */
export interface ServiceLevelSums {
  offered: number;
  answered: number;
  answeredInThreshold: number;
  abandoned: number;
  abandonedWaitMs: number;
  shortAbandoned: number;
  unansweredOther: number;
  answeredWaitMs: number;
  talkMs: number;
}

/** What one ended call adds to its interval's row (see docs/telephony.md, "Service level"). */
export interface Contribution extends ServiceLevelSums {
  queue: string;
  intervalStart: Date;
  /** Whole seconds waited by an answered call (the percentile histogram), else null. */
  waitSeconds: number | null;
}

export interface Thresholds {
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
}

const INTERVAL_MS = 15 * 60 * 1000;

/** The 15-minute interval an instant falls in (German offsets are whole hours, so UTC quarters are local quarters). */
export function intervalStartOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / INTERVAL_MS) * INTERVAL_MS);
}

/** Queue key of calls without a queue. */
export const NO_QUEUE = '';

/**
 * An inbound call's contribution, counted in the interval of its offer. Wait = offer → answer
 * (answered) or offer → end (abandoned); talk = answer → end.
 */
export function contributionOf(call: CallEventData, thresholds: Thresholds): Contribution {
  const offered = Date.parse(call.offeredAt);
  const ended = Date.parse(call.endedAt ?? call.offeredAt);
  const base: Contribution = {
    queue: call.queue ?? NO_QUEUE,
    intervalStart: intervalStartOf(new Date(offered)),
    offered: 1,
    answered: 0,
    answeredInThreshold: 0,
    abandoned: 0,
    abandonedWaitMs: 0,
    shortAbandoned: 0,
    unansweredOther: 0,
    answeredWaitMs: 0,
    talkMs: 0,
    waitSeconds: null,
  };
  if (call.answeredAt) {
    const answered = Date.parse(call.answeredAt);
    const wait = Math.max(0, answered - offered);
    return {
      ...base,
      answered: 1,
      answeredInThreshold: wait <= thresholds.serviceLevelSeconds * 1000 ? 1 : 0,
      answeredWaitMs: wait,
      talkMs: Math.max(0, ended - answered),
      waitSeconds: Math.floor(wait / 1000),
    };
  }
  if (call.outcome === 'abandoned') {
    const wait = Math.max(0, ended - offered);
    return wait < thresholds.shortAbandonSeconds * 1000 ? { ...base, shortAbandoned: 1 } : { ...base, abandoned: 1, abandonedWaitMs: wait };
  }
  return { ...base, unansweredOther: 1 };
}
