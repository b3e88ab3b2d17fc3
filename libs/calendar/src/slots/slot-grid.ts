import { CalendarErrorCode, CalendarException } from '../calendar.exception';
import { Span } from '../schedule/span';

/**
 * Slots of `duration` ms laid every `step` ms from each opening time, kept when they
 * lie inside [from, to) and inside their span. Aligning to the opening (not to
 * `from`) keeps slots on the office's grid, e.g. 08:00, 08:30 … whenever one asks.
 */
export function slotsInSpans(spans: Iterable<Span>, from: number, to: number, duration: number, step: number, maxSlots: number): Span[] {
  const slots: Span[] = [];
  for (const span of spans) {
    const last = Math.min(span.end, to);
    const skipped = Math.max(0, Math.ceil((from - span.start) / step));
    for (let start = span.start + skipped * step; start + duration <= last; start += step) {
      if (slots.length === maxSlots) {
        throw new CalendarException(CalendarErrorCode.InvalidArgument, `The range holds more than ${maxSlots} slots; ask for a shorter range or a longer step`);
      }
      slots.push({ start, end: start + duration });
    }
  }
  return slots;
}
