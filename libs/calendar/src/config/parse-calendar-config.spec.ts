import { CalendarErrorCode, CalendarException } from '../calendar.exception';
import { parseIsoDate } from '../time-zone/local-date';
import { CalendarConfig } from './calendar-config';
import { parseCalendarConfig } from './parse-calendar-config';

const sut = parseCalendarConfig;

/** The issues of the CalendarException a config raises; fails if it raises none. */
function issuesOf(config: unknown): readonly string[] {
  try {
    sut(config as CalendarConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarException);
    expect((error as CalendarException).code).toBe(CalendarErrorCode.InvalidConfig);
    return (error as CalendarException).issues;
  }
  throw new Error('expected CALENDAR.INVALID_CONFIG');
}

const weekdays = (from: string, to: string) => ({ mon: [{ from, to }] });

describe('parseCalendarConfig', () => {
  it('fills in Europe/Berlin and the 115 service hours Mon–Fri 08:00–18:00', () => {
    const config = sut({ state: 'MV' });

    expect(config.timeZone).toBe('Europe/Berlin');
    expect(config.weekly.map((ranges) => ranges.map((r) => [r.start, r.end]))).toEqual([
      [],
      [[480, 1080]],
      [[480, 1080]],
      [[480, 1080]],
      [[480, 1080]],
      [[480, 1080]],
      [],
    ]);
  });

  it('accepts several intervals a day, touching intervals, 24:00, regions and overrides', () => {
    const config = sut({
      state: 'BY',
      region: 'A',
      weeklyHours: {
        tue: [
          { from: '13:00', to: '24:00' },
          { from: '08:00', to: '13:00' },
        ],
      },
      overrides: [
        { date: '2026-06-05', closed: true, name: 'Betriebsausflug' },
        { date: '2026-12-24', hours: [{ from: '08:00', to: '12:00' }] },
      ],
    });

    expect(config.weekly[2]).toEqual([
      { start: 480, end: 780 },
      { start: 780, end: 1440 },
    ]);
    expect(config.region).toBe('A');
    expect(config.closedDays.get(parseIsoDate('2026-06-05')!)).toBe('Betriebsausflug');
    expect(config.specialHours.get(parseIsoDate('2026-12-24')!)).toEqual([{ start: 480, end: 720 }]);
  });

  it('rejects an unknown time zone', () => {
    expect(issuesOf({ state: 'MV', timeZone: 'Europe/Rostock' })).toEqual(['timeZone "Europe/Rostock" is not a known IANA time zone']);
  });

  it.each([
    ['8:00', '18:00', 'weeklyHours.mon[0].from must be "HH:MM" between 00:00 and 23:59, got "8:00"'],
    ['08:00', '18:60', 'weeklyHours.mon[0].to must be "HH:MM" between 00:00 and 24:00, got "18:60"'],
    ['08:00', '24:30', 'weeklyHours.mon[0].to must be "HH:MM" between 00:00 and 24:00, got "24:30"'],
    ['24:00', '24:00', 'weeklyHours.mon[0].from must be "HH:MM" between 00:00 and 23:59, got "24:00"'],
  ])('rejects malformed hours %s–%s', (from, to, issue) => {
    expect(issuesOf({ state: 'MV', weeklyHours: weekdays(from, to) })).toEqual([issue]);
  });

  it('rejects inverted and empty intervals', () => {
    expect(issuesOf({ state: 'MV', weeklyHours: weekdays('18:00', '08:00') })).toEqual(['weeklyHours.mon[0] 18:00–08:00 does not end after it starts']);
    expect(issuesOf({ state: 'MV', weeklyHours: weekdays('08:00', '08:00') })).toEqual(['weeklyHours.mon[0] 08:00–08:00 does not end after it starts']);
  });

  it('rejects overlapping intervals', () => {
    const weeklyHours = {
      fri: [
        { from: '12:00', to: '16:00' },
        { from: '08:00', to: '12:30' },
      ],
    };

    expect(issuesOf({ state: 'MV', weeklyHours })).toEqual(['weeklyHours.fri: 08:00–12:30 overlaps 12:00–16:00']);
  });

  it('rejects an unknown or missing state instead of falling back to nationwide holidays', () => {
    expect(issuesOf({ state: 'XX' })[0]).toMatch(/^state "XX" is not a German state; use one of BB, BE, BW, BY/);
    expect(issuesOf({ state: 'mv' })[0]).toMatch(/^state "mv" is not a German state/);
    expect(issuesOf({})[0]).toMatch(/^state undefined is not a German state/);
  });

  it('rejects a region the state does not have', () => {
    expect(issuesOf({ state: 'BY', region: 'ZZ' })).toEqual(['region "ZZ" is not a region of BY; use one of A, EVANG']);
    expect(issuesOf({ state: 'MV', region: 'HRO' })).toEqual(['region "HRO" is not a region of MV; MV has no regions']);
  });

  it('rejects bad overrides', () => {
    const issues = issuesOf({
      state: 'MV',
      overrides: [
        { date: '2026-02-30', closed: true, name: 'x' },
        { date: '2026-06-05', closed: true },
        { date: '2026-06-05', hours: [{ from: '10:00', to: '12:00' }] },
        { date: '2026-06-06', closed: true, name: 'both', hours: [] },
        { date: '2026-06-07', hours: [] },
      ],
    });

    expect(issues).toEqual([
      'overrides[0].date must be a calendar date "YYYY-MM-DD", got "2026-02-30"',
      'overrides[1].name is required for a closed day',
      'overrides[2].date 2026-06-05 already has an override',
      'overrides[3] needs either closed: true or hours',
      'overrides[4].hours is empty; use closed: true for a closed day',
    ]);
  });

  it('rejects misspelt keys rather than silently using defaults', () => {
    expect(issuesOf({ state: 'MV', weeklyhours: {} })).toEqual(['unknown key "weeklyhours"']);
    expect(issuesOf({ state: 'MV', weeklyHours: { monday: [] } })).toEqual(['weeklyHours.monday is not a weekday; use sun, mon, tue, wed, thu, fri, sat']);
  });

  it('rejects a calendar that is never open', () => {
    expect(issuesOf({ state: 'MV', weeklyHours: {} })).toEqual(['weeklyHours has no open hours at all']);
  });

  it('reports every problem at once, in the message too', () => {
    expect(() => sut({ state: 'XX', timeZone: 'Mars/Olympus' } as CalendarConfig)).toThrow(
      /^Invalid calendar config: timeZone "Mars\/Olympus" is not a known IANA time zone; state "XX"/,
    );
  });
});
