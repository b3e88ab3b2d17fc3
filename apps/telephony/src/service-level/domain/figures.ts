import { ServiceLevelFigures } from '@d115/contracts';
import type { FigureRow } from '../service-level.repository';

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
const ratio = (part: number, whole: number, scale = 1): number | null => (whole > 0 ? round((part / whole) * scale) : null);

/** Sums → the reported figures (averages in seconds, shares in %, one decimal). */
export function toFigures(row: FigureRow): ServiceLevelFigures {
  return {
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    queue: row.queue,
    offered: row.offered,
    answered: row.answered,
    answeredWithinThreshold: row.answeredInThreshold,
    abandoned: row.abandoned,
    shortAbandoned: row.shortAbandoned,
    otherUnanswered: row.unansweredOther,
    avgAbandonWait: ratio(row.abandonedWaitMs / 1000, row.abandoned),
    avgWait: ratio(row.answeredWaitMs / 1000, row.answered),
    p90Wait: row.p90WaitSeconds,
    avgTalk: ratio(row.talkMs / 1000, row.answered),
    serviceLevel: ratio(row.answeredInThreshold, row.offered - row.shortAbandoned, 100),
    wrappedUp: row.wrappedUp,
    resolvedAtFirstContact: row.resolved,
    firstContactResolution: ratio(row.resolved, row.wrappedUp, 100),
  };
}
