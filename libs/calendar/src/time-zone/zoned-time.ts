import { EpochDay, MS_PER_DAY, MS_PER_MINUTE } from './local-date';

// Intl formatters are expensive to create and cheap to reuse.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock at `instant`, read as if it were UTC (ms since epoch, whole seconds). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** UTC offset in ms (local minus UTC) in force at `instant`. */
export function offsetAt(instant: number, timeZone: string): number {
  return wallClockMs(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

export function localDayOf(instant: number, timeZone: string): EpochDay {
  return Math.floor(wallClockMs(instant, timeZone) / MS_PER_DAY);
}

/**
 * The UTC instant of wall-clock `minuteOfDay` (0…1440) on `day` in `timeZone`.
 * Ambiguous times (the repeated hour in autumn) take the first occurrence; skipped
 * times (the lost hour in spring) move forward by the gap, like a clock that was
 * set forward. This is Temporal's "compatible" disambiguation.
 */
export function toInstant(day: EpochDay, minuteOfDay: number, timeZone: string): number {
  const wall = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  // Real zones change offset at most once within two days, so the offsets a day
  // before and after are the only candidates.
  const before = offsetAt(wall - MS_PER_DAY, timeZone);
  const after = offsetAt(wall + MS_PER_DAY, timeZone);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyFits = offsetAt(early, timeZone) === before;
  const lateFits = offsetAt(late, timeZone) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early;
}
