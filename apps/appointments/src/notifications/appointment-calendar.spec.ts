import ICAL from 'ical.js';
import { appointmentCalendar, calendarUid } from './appointment-calendar';

const entry = {
  processId: '0193a1b2-0000-7000-8000-000000000001',
  sequence: 0,
  startsAt: new Date('2026-12-07T08:00:00Z'),
  endsAt: new Date('2026-12-07T08:15:00Z'),
  summary: 'Termin: Personalausweis beantragen',
  description: 'Vorgangsnummer 0193a1b2',
  location: 'Neuer Markt 3, 18055 Rostock',
  stamp: new Date('2026-12-01T10:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  const timezone = calendar.getFirstSubcomponent('vtimezone') as ICAL.Component;
  ICAL.TimezoneService.register(timezone);
  return { calendar, event: new ICAL.Event(event), raw: event };
}

describe('appointmentCalendar', () => {
  it('writes a REQUEST in Berlin local time with its VTIMEZONE, a stable UID and the office address', () => {
    const { calendar, event, raw } = parse(appointmentCalendar(entry, 'REQUEST'));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(calendarUid(entry.processId));
    expect(event.sequence).toBe(0);
    expect(event.location).toBe('Neuer Markt 3, 18055 Rostock');
    expect(raw.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(event.startDate.toString()).toBe('2026-12-07T09:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-07T08:15:00.000Z');
  });

  it('gets summer time right (CEST, UTC+2)', () => {
    const { event } = parse(appointmentCalendar({ ...entry, startsAt: new Date('2027-06-01T07:30:00Z'), endsAt: new Date('2027-06-01T07:45:00Z') }, 'REQUEST'));
    expect(event.startDate.toString()).toBe('2027-06-01T09:30:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-06-01T07:30:00.000Z');
  });

  it('cancels with the same UID and a higher SEQUENCE', () => {
    const { calendar, event, raw } = parse(appointmentCalendar({ ...entry, sequence: 1 }, 'CANCEL'));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(calendarUid(entry.processId));
    expect(event.sequence).toBe(1);
    expect(raw.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
