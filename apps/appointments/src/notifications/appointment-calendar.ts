import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { berlinWallClock, EUROPE_BERLIN_VTIMEZONE } from './berlin-time';

export interface CalendarEntry {
  processId: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string;
  organizer?: { name: string; email: string };
  attendee?: { name?: string; email: string };
  stamp: Date;
}

/**
 * ical-generator writes a native Date in a time zone with the process's local
 * getters; this Date carries the Berlin wall clock in the shape the library
 * asks zoned dates for (`withTimeZone`), so DTSTART reads 09:00 for 08:00Z in winter.
 */
function inBerlin(at: Date): Date {
  const wall = berlinWallClock(at);
  // The library reads the UTC getters first and overwrites them with the local ones for a zoned date.
  const getters = { FullYear: wall.year, Month: wall.month - 1, Date: wall.day, Hours: wall.hour, Minutes: wall.minute, Seconds: wall.second };
  const local = Object.fromEntries(
    Object.entries(getters).flatMap(([name, value]) => [
      [`get${name}`, () => value],
      [`getUTC${name}`, () => value],
    ]),
  );
  return Object.assign(new Date(at.getTime()), { internal: new Date(at.getTime()), withTimeZone: () => local, tzComponents: () => wall });
}

/** The stable UID of an appointment in every calendar it lands in. */
export const calendarUid = (processId: string) => `${processId}@appointments.d115`;

/**
 * RFC 5545 text for an appointment: METHOD:REQUEST (booked, moved) or
 * METHOD:CANCEL; the UID stays, SEQUENCE rises with every change, times in
 * Europe/Berlin with its VTIMEZONE.
 */
export function appointmentCalendar(entry: CalendarEntry, method: 'REQUEST' | 'CANCEL'): string {
  const calendar = ical({ prodId: { company: 'd115', product: 'appointments', language: 'DE' }, method: ICalCalendarMethod[method] });
  calendar.timezone({ name: 'Europe/Berlin', generator: () => EUROPE_BERLIN_VTIMEZONE });
  calendar.createEvent({
    id: calendarUid(entry.processId),
    sequence: entry.sequence,
    stamp: entry.stamp,
    start: inBerlin(entry.startsAt),
    end: inBerlin(entry.endsAt),
    timezone: 'Europe/Berlin',
    summary: entry.summary,
    description: entry.description,
    location: entry.location,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(entry.organizer ? { organizer: entry.organizer } : {}),
    ...(entry.attendee ? { attendees: [{ email: entry.attendee.email, name: entry.attendee.name, rsvp: false }] } : {}),
  });
  return calendar.toString();
}
