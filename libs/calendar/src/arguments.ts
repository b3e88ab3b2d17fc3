import { CalendarErrorCode, CalendarException } from './calendar.exception';
import { EpochDay, MS_PER_MINUTE, parseIsoDate } from './time-zone/local-date';

function invalidArgument(message: string): CalendarException {
  return new CalendarException(CalendarErrorCode.InvalidArgument, message);
}

export function instantOf(value: Date, name: string): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalidArgument(`${name} must be a valid Date`);
  }
  return value.getTime();
}

/** Minutes → whole ms: fractions and seconds are kept, sub-millisecond noise is not. */
export function durationOf(minutes: number, name: string, { positive = false } = {}): number {
  const ms = typeof minutes === 'number' && Number.isFinite(minutes) ? Math.round(minutes * MS_PER_MINUTE) : NaN;
  // A positive duration that rounds to 0 ms would make a slot step that never advances.
  if (!(ms >= 0) || (positive && ms === 0)) {
    throw invalidArgument(`${name} must be a finite number ${positive ? '> 0' : '>= 0'}, got ${String(minutes)}`);
  }
  return ms;
}

export function localDayArgument(value: Date | string, name: string, instantToDay: (instant: number) => EpochDay): EpochDay {
  if (typeof value === 'string') {
    const day = parseIsoDate(value);
    if (day === undefined) throw invalidArgument(`${name} must be "YYYY-MM-DD", got ${JSON.stringify(value)}`);
    return day;
  }
  return instantToDay(instantOf(value, name));
}

export function orderedRange(from: Date, to: Date): { from: number; to: number } {
  const range = { from: instantOf(from, 'from'), to: instantOf(to, 'to') };
  if (range.to < range.from) throw invalidArgument('to must not be before from');
  return range;
}
