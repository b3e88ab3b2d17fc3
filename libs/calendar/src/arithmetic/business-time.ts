import { Span } from '../schedule/span';

/**
 * The instant at which `duration` ms of open time have passed since `start`.
 * `spans` are the open spans from `start` on. A deadline that uses up a span
 * exactly lands on its closing time, not on the next opening.
 */
export function addOpenTime(spans: Iterable<Span>, start: number, duration: number): number {
  let remaining = duration;
  for (const span of spans) {
    const from = Math.max(span.start, start);
    const available = span.end - from;
    if (remaining <= available) return from + remaining;
    remaining -= available;
  }
  throw new Error('open spans ended before the duration was used up');
}

/** Open time in ms within [from, to), given the open spans that overlap it. */
export function openTimeBetween(spans: Iterable<Span>, from: number, to: number): number {
  let total = 0;
  for (const span of spans) {
    total += Math.max(0, Math.min(span.end, to) - Math.max(span.start, from));
  }
  return total;
}
