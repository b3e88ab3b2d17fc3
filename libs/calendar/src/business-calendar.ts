import { addOpenTime, openTimeBetween } from './arithmetic/business-time';
import { durationOf, instantOf, localDayArgument, orderedRange } from './arguments';
import { CalendarErrorCode, CalendarException } from './calendar.exception';
import { CalendarConfig } from './config/calendar-config';
import { parseCalendarConfig } from './config/parse-calendar-config';
import { HolidayTable } from './holidays/holiday-table';
import { OpeningSchedule } from './schedule/opening-schedule';
import { Span } from './schedule/span';
import { slotsInSpans } from './slots/slot-grid';
import { formatIsoDate, MS_PER_MINUTE, parseIsoDate } from './time-zone/local-date';
import { toInstant } from './time-zone/zoned-time';

/** A stretch of time [start, end) as UTC instants. */
export interface BusinessInterval {
  start: Date;
  end: Date;
}

export interface SlotQuery {
  from: Date;
  to: Date;
  durationMinutes: number;
  /** Distance between slot starts; default `durationMinutes` (back to back). */
  stepMinutes?: number;
  /** Refuse ranges that would yield more slots than this; default 10 000. */
  maxSlots?: number;
}

const DEFAULT_MAX_SLOTS = 10_000;

function toInterval(span: Span): BusinessInterval {
  return { start: new Date(span.start), end: new Date(span.end) };
}

/**
 * Service hours, public holidays and overrides of one service center or office.
 * "Business time" is elapsed time inside open hours, so an hour lost or gained
 * at a DST switch-over counts as it really passed.
 */
export class BusinessCalendar {
  private readonly schedule: OpeningSchedule;

  /** @throws CalendarException CALENDAR.INVALID_CONFIG, listing every problem. */
  constructor(config: CalendarConfig) {
    const resolved = parseCalendarConfig(config);
    this.schedule = new OpeningSchedule(resolved, new HolidayTable(resolved.state, resolved.region));
  }

  get timeZone(): string {
    return this.schedule.timeZone;
  }

  /**
   * Name of the public holiday or closed-day override on a local date ("YYYY-MM-DD",
   * or the local date of a Date in the calendar's zone); undefined on other days.
   * A public holiday with special opening hours is still reported as a holiday.
   */
  holidayOn(day: Date | string): string | undefined {
    return this.schedule.closureOn(localDayArgument(day, 'day', (ms) => this.schedule.localDayOf(ms)));
  }

  isHoliday(day: Date | string): boolean {
    return this.holidayOn(day) !== undefined;
  }

  /** The local date ("YYYY-MM-DD") of an instant in the calendar's zone. */
  localDateOf(at: Date): string {
    return formatIsoDate(this.schedule.localDayOf(instantOf(at, 'at')));
  }

  /** The instant a local date ("YYYY-MM-DD") begins in the calendar's zone (midnight, DST-aware). */
  startOfLocalDay(date: string): Date {
    const day = parseIsoDate(date);
    if (day === undefined) throw new CalendarException(CalendarErrorCode.InvalidArgument, `date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
    return new Date(toInstant(day, 0, this.schedule.timeZone));
  }

  /** Open hours include their opening minute and exclude their closing minute. */
  isOpenAt(at: Date): boolean {
    const instant = instantOf(at, 'at');
    return this.schedule.spansOn(this.schedule.localDayOf(instant)).some((span) => span.start <= instant && instant < span.end);
  }

  /** `at` itself when open, else the start of the next open hours. */
  nextOpening(at: Date): Date {
    const instant = instantOf(at, 'at');
    const first = this.schedule.spansFrom(instant).next().value as Span;
    return new Date(Math.max(first.start, instant));
  }

  /** Open hours overlapping [from, to), clipped to it, in order. */
  openIntervals(from: Date, to: Date): BusinessInterval[] {
    const range = orderedRange(from, to);
    return [...this.schedule.spansFrom(range.from, range.to)].map((span) =>
      toInterval({ start: Math.max(span.start, range.from), end: Math.min(span.end, range.to) }),
    );
  }

  /**
   * The instant `minutes` of business time after `start` (fractions allowed, kept to the ms).
   * A start outside hours counts from the next opening; a deadline that uses up the
   * day's hours exactly lands on the closing time.
   */
  addBusinessMinutes(start: Date, minutes: number): Date {
    const from = instantOf(start, 'start');
    const duration = durationOf(minutes, 'minutes');
    return new Date(addOpenTime(this.schedule.spansFrom(from), from, duration));
  }

  /** Business minutes from `a` to `b` (negative when `b` is earlier); fractional below a minute. */
  businessMinutesBetween(a: Date, b: Date): number {
    const [from, to] = [instantOf(a, 'a'), instantOf(b, 'b')];
    if (to < from) return -this.businessMinutesBetween(b, a);
    return openTimeBetween(this.schedule.spansFrom(from, to), from, to) / MS_PER_MINUTE;
  }

  /** Appointment slots inside open hours within [from, to); none crosses a closing time. */
  slots(query: SlotQuery): BusinessInterval[] {
    const range = orderedRange(query.from, query.to);
    const duration = durationOf(query.durationMinutes, 'durationMinutes', { positive: true });
    const step = durationOf(query.stepMinutes ?? query.durationMinutes, 'stepMinutes', { positive: true });
    const maxSlots = query.maxSlots ?? DEFAULT_MAX_SLOTS;
    if (!Number.isInteger(maxSlots) || maxSlots < 1) {
      throw new CalendarException(CalendarErrorCode.InvalidArgument, 'maxSlots must be a whole number >= 1');
    }
    return slotsInSpans(this.schedule.spansFrom(range.from, range.to), range.from, range.to, duration, step, maxSlots).map(toInterval);
  }
}
