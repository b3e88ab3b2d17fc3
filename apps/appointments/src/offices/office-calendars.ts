import { Injectable } from '@nestjs/common';
import { BusinessCalendar, WeeklyHours } from '@d115/calendar';
import { Office } from './office';

const WEEKDAYS = { mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun' } as const;

/** The office's opening hours, Land holidays and closing days as a `libs/calendar` BusinessCalendar. */
export function calendarOf(office: Pick<Office, 'openingHours' | 'closingDays' | 'state'>): BusinessCalendar {
  const weeklyHours: Record<string, { from: string; to: string }[]> = {};
  for (const hours of office.openingHours) (weeklyHours[WEEKDAYS[hours.day]] ??= []).push({ from: hours.from, to: hours.to });
  return new BusinessCalendar({
    state: office.state,
    weeklyHours: weeklyHours as WeeklyHours,
    overrides: office.closingDays.map((day) => ({ date: day.date, closed: true as const, name: day.name })),
  });
}

/**
 * One calendar per office version: building one parses the config and the Land's
 * holidays, which availability must not pay on every request. Keyed by
 * `updatedAt`, so a changed office (on any instance) gets a fresh calendar.
 */
@Injectable()
export class OfficeCalendars {
  private readonly cache = new Map<string, { version: number; calendar: BusinessCalendar }>();

  for(office: Office): BusinessCalendar {
    const cached = this.cache.get(office.id);
    if (cached && cached.version === office.updatedAt.getTime()) return cached.calendar;
    const calendar = calendarOf(office);
    this.cache.set(office.id, { version: office.updatedAt.getTime(), calendar });
    return calendar;
  }
}
