import { CalendarErrorCode, CalendarException } from '../calendar.exception';
import { MinuteRange, ResolvedCalendarConfig } from '../config/calendar-config';
import { HolidayTable } from '../holidays/holiday-table';
import { EpochDay, formatIsoDate, weekdayOf } from '../time-zone/local-date';
import { localDayOf, toInstant } from '../time-zone/zoned-time';
import { Span } from './span';

// Only a long run of closed-day overrides can get here; stop rather than loop forever.
const MAX_CLOSED_DAYS_IN_A_ROW = 3 * 366;
// Enough for years of look-ups; cleared wholesale when full, which keeps it simple.
const MAX_CACHED_DAYS = 8192;

/** Which hours apply on which local day, as UTC spans. */
export class OpeningSchedule {
  private readonly spansByDay = new Map<EpochDay, readonly Span[]>();

  constructor(
    private readonly config: ResolvedCalendarConfig,
    private readonly holidays: HolidayTable,
  ) {}

  get timeZone(): string {
    return this.config.timeZone;
  }

  localDayOf(instant: number): EpochDay {
    return localDayOf(instant, this.config.timeZone);
  }

  publicHolidayOn(day: EpochDay): string | undefined {
    return this.holidays.nameOn(day);
  }

  /** Why the whole day is closed beyond the weekly hours: a closed-day override or a public holiday. */
  closureOn(day: EpochDay): string | undefined {
    return this.config.closedDays.get(day) ?? this.holidays.nameOn(day);
  }

  /** Local hours on `day`: a special-hours override wins over closures and weekly hours. */
  hoursOn(day: EpochDay): readonly MinuteRange[] {
    const special = this.config.specialHours.get(day);
    if (special) return special;
    if (this.closureOn(day) !== undefined) return [];
    return this.config.weekly[weekdayOf(day)];
  }

  spansOn(day: EpochDay): readonly Span[] {
    let spans = this.spansByDay.get(day);
    if (!spans) {
      const zone = this.config.timeZone;
      spans = this.hoursOn(day)
        .map((range) => ({ start: toInstant(day, range.start, zone), end: toInstant(day, range.end, zone) }))
        .filter((span) => span.end > span.start);
      if (this.spansByDay.size >= MAX_CACHED_DAYS) this.spansByDay.clear();
      this.spansByDay.set(day, spans);
    }
    return spans;
  }

  /**
   * Open spans in time order that end after `from` and start before `until`, not clipped.
   * In a bounded range, spans that touch (one day open until 24:00, the next from 00:00)
   * come out as one. Unbounded, they do not: joining would have to look ahead to the
   * next closing, which for a round-the-clock hotline may be months away.
   */
  *spansFrom(from: number, until = Infinity): Generator<Span> {
    const join = until !== Infinity;
    let day = this.localDayOf(from);
    let pending: Span | undefined;
    let closedInARow = 0;
    for (;;) {
      const spans = this.spansOn(day);
      closedInARow = spans.length === 0 ? closedInARow + 1 : 0;
      if (!join && closedInARow > MAX_CLOSED_DAYS_IN_A_ROW) {
        throw new CalendarException(CalendarErrorCode.NoOpening, `No opening in the ${MAX_CLOSED_DAYS_IN_A_ROW} days up to ${formatIsoDate(day)}`);
      }
      for (const span of spans) {
        if (span.end <= from) continue;
        if (span.start >= until) break;
        if (!join) {
          yield span;
        } else if (pending && pending.end === span.start) {
          pending = { start: pending.start, end: span.end };
        } else {
          if (pending) yield pending;
          pending = span;
        }
      }
      day += 1;
      if (join && toInstant(day, 0, this.config.timeZone) >= until) {
        if (pending) yield pending;
        return;
      }
    }
  }
}
