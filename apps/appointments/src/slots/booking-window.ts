import { BusinessCalendar } from '@d115/calendar';
import { AppointmentErrorCode } from '@d115/contracts';
import { AppointmentsException } from '../shared/appointments.exception';
import { Office } from '../offices/office';

const MS_PER_DAY = 86_400_000;
const MAX_RANGE_DAYS = 366;

/** "YYYY-MM-DD" plus `days` (calendar arithmetic, no zone involved). */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The instants appointments of an office may start in: after the lead time, before the end of the horizon's last day. */
export interface BookingWindow {
  earliest: Date;
  /** Exclusive: midnight after the last bookable day. */
  latest: Date;
}

export function bookingWindow(office: Office, calendar: BusinessCalendar, now: Date): BookingWindow {
  const today = calendar.localDateOf(now);
  return {
    earliest: new Date(now.getTime() + office.leadTimeMinutes * 60_000),
    latest: calendar.startOfLocalDay(shiftDate(today, office.horizonDays + 1)),
  };
}

/** The part of local days [from, to] (default: today to the horizon) inside the booking window; undefined when nothing is left. */
export function rangeInWindow(calendar: BusinessCalendar, window: BookingWindow, now: Date, from?: string, to?: string): { from: Date; to: Date } | undefined {
  const first = from ?? calendar.localDateOf(now);
  const last = to ?? shiftDate(calendar.localDateOf(window.latest), -1);
  if (last < first) throw new AppointmentsException(AppointmentErrorCode.INVALID_RANGE, `to (${last}) is before from (${first})`);
  if (shiftDate(first, MAX_RANGE_DAYS) < last) throw new AppointmentsException(AppointmentErrorCode.INVALID_RANGE, `at most ${MAX_RANGE_DAYS} days at once`);
  const start = Math.max(calendar.startOfLocalDay(first).getTime(), window.earliest.getTime());
  const end = Math.min(calendar.startOfLocalDay(shiftDate(last, 1)).getTime(), window.latest.getTime());
  return start < end ? { from: new Date(start), to: new Date(end) } : undefined;
}
