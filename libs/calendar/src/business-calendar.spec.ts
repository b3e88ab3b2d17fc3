import { BusinessCalendar } from './business-calendar';
import { CalendarErrorCode, CalendarException } from './calendar.exception';

const at = (text: string) => new Date(text);
const iso = (date: Date) => date.toISOString();

describe('BusinessCalendar queries', () => {
  const sut = new BusinessCalendar({ state: 'MV' });

  it('is open from the opening minute until just before closing time', () => {
    expect(sut.isOpenAt(at('2026-06-08T07:59:59.999+02:00'))).toBe(false);
    expect(sut.isOpenAt(at('2026-06-08T08:00:00+02:00'))).toBe(true);
    expect(sut.isOpenAt(at('2026-06-08T17:59:59.999+02:00'))).toBe(true);
    expect(sut.isOpenAt(at('2026-06-08T18:00:00+02:00'))).toBe(false);
    expect(sut.isOpenAt(at('2026-06-06T10:00:00+02:00'))).toBe(false); // Saturday
  });

  it('is closed on a public holiday and names it', () => {
    expect(sut.isOpenAt(at('2026-05-25T10:00:00+02:00'))).toBe(false);
    expect(sut.holidayOn('2026-05-25')).toBe('Pfingstmontag');
    expect(sut.isHoliday('2026-05-26')).toBe(false);
  });

  it('reads a Date as a local date in the calendar zone', () => {
    // 23:30 UTC on 30 Oct 2025 is already Reformationstag in Berlin time.
    expect(sut.holidayOn(at('2025-10-30T23:30:00Z'))).toBe('Reformationstag');
    expect(sut.holidayOn(at('2025-10-30T22:59:59Z'))).toBeUndefined();
  });

  it('pins the state holidays: Frauentag in MV since 2023, Berlin 8 May 2025, Reformationstag not in BY', () => {
    expect(sut.holidayOn('2022-03-08')).toBeUndefined();
    expect(sut.holidayOn('2023-03-08')).toBe('Internationaler Frauentag');
    expect(new BusinessCalendar({ state: 'BE' }).holidayOn('2025-05-08')).toBe('Tag der Befreiung (80. Jahrestag)');
    expect(sut.holidayOn('2025-05-08')).toBeUndefined();
    expect(sut.isHoliday('2025-10-31')).toBe(true);
    expect(new BusinessCalendar({ state: 'BY' }).isHoliday('2025-10-31')).toBe(false);
  });

  it('finds the next opening, or the instant itself when open', () => {
    expect(iso(sut.nextOpening(at('2026-06-10T10:15:00+02:00')))).toBe('2026-06-10T08:15:00.000Z');
    expect(iso(sut.nextOpening(at('2026-06-12T18:00:00+02:00')))).toBe('2026-06-15T06:00:00.000Z');
    // Friday before Whit Monday: next opening is Tuesday.
    expect(iso(sut.nextOpening(at('2026-05-22T19:00:00+02:00')))).toBe('2026-05-26T06:00:00.000Z');
  });

  it('lists open intervals as UTC instants, clipped to the range', () => {
    const intervals = sut.openIntervals(at('2026-05-22T12:00:00+02:00'), at('2026-05-27T10:00:00+02:00'));

    expect(intervals.map(({ start, end }) => [iso(start), iso(end)])).toEqual([
      ['2026-05-22T10:00:00.000Z', '2026-05-22T16:00:00.000Z'],
      ['2026-05-26T06:00:00.000Z', '2026-05-26T16:00:00.000Z'],
      ['2026-05-27T06:00:00.000Z', '2026-05-27T08:00:00.000Z'],
    ]);
  });

  it('lists intervals around a lunch break and across a DST switch-over', () => {
    const lunchBreak = [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '16:00' },
    ];
    const office = new BusinessCalendar({ state: 'MV', weeklyHours: { fri: lunchBreak, mon: lunchBreak } });

    const intervals = office.openIntervals(at('2026-03-27T00:00:00+01:00'), at('2026-03-31T00:00:00+02:00'));

    expect(intervals.map(({ start, end }) => [iso(start), iso(end)])).toEqual([
      ['2026-03-27T07:00:00.000Z', '2026-03-27T11:00:00.000Z'],
      ['2026-03-27T12:00:00.000Z', '2026-03-27T15:00:00.000Z'],
      ['2026-03-30T06:00:00.000Z', '2026-03-30T10:00:00.000Z'],
      ['2026-03-30T11:00:00.000Z', '2026-03-30T14:00:00.000Z'],
    ]);
  });

  it('joins hours that run through midnight into one interval', () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const roundTheClock = new BusinessCalendar({
      state: 'MV',
      weeklyHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    });

    const intervals = roundTheClock.openIntervals(at('2026-03-28T12:00:00Z'), at('2026-03-30T12:00:00Z'));

    expect(intervals.map(({ start, end }) => [iso(start), iso(end)])).toEqual([['2026-03-28T12:00:00.000Z', '2026-03-30T12:00:00.000Z']]);
  });

  it('rejects invalid arguments with a typed error', () => {
    const invalidArgument = expect.objectContaining({ code: CalendarErrorCode.InvalidArgument });

    expect(() => sut.isOpenAt(new Date('nonsense'))).toThrow(invalidArgument);
    expect(() => sut.holidayOn('08.03.2026')).toThrow(invalidArgument);
    expect(() => sut.openIntervals(at('2026-06-10T00:00:00Z'), at('2026-06-09T00:00:00Z'))).toThrow(invalidArgument);
  });
});

describe('BusinessCalendar config', () => {
  it('refuses an invalid config with CALENDAR.INVALID_CONFIG', () => {
    const build = () => new BusinessCalendar({ state: 'XX', weeklyHours: { mon: [{ from: '18:00', to: '08:00' }] } });

    expect(build).toThrow(CalendarException);
    expect(build).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_CONFIG' }));
  });

  it('gives up with CALENDAR.NO_OPENING instead of searching forever', () => {
    // Open Mondays only, and every Monday closed for over three years.
    const mondays = Array.from({ length: 170 }, (_, week) => ({
      date: new Date(Date.UTC(2026, 5, 8 + 7 * week)).toISOString().slice(0, 10),
      closed: true as const,
      name: 'Umbau',
    }));
    const sut = new BusinessCalendar({ state: 'MV', weeklyHours: { mon: [{ from: '08:00', to: '12:00' }] }, overrides: mondays });

    expect(() => sut.nextOpening(at('2026-06-08T00:00:00+02:00'))).toThrow(expect.objectContaining({ code: CalendarErrorCode.NoOpening }));
    expect(sut.openIntervals(at('2026-06-08T00:00:00+02:00'), at('2029-06-08T00:00:00+02:00'))).toEqual([]);
  });

  it('uses another time zone when configured', () => {
    const sut = new BusinessCalendar({ state: 'BE', timeZone: 'UTC' });

    expect(sut.timeZone).toBe('UTC');
    expect(iso(sut.nextOpening(at('2026-06-10T05:00:00Z')))).toBe('2026-06-10T08:00:00.000Z');
  });
});

describe('BusinessCalendar overrides', () => {
  const sut = new BusinessCalendar({
    state: 'MV',
    overrides: [
      { date: '2026-06-05', closed: true, name: 'Betriebsausflug' },
      { date: '2026-06-13', hours: [{ from: '10:00', to: '14:00' }], name: 'Tag der offenen Tür' },
      { date: '2026-12-24', hours: [{ from: '08:00', to: '12:00' }], name: 'Heiligabend' },
      { date: '2026-05-14', hours: [{ from: '10:00', to: '12:00' }], name: 'Notdienst' },
    ],
  });

  it('closes an extra closed day and names it like a holiday', () => {
    expect(sut.isOpenAt(at('2026-06-05T10:00:00+02:00'))).toBe(false);
    expect(sut.holidayOn('2026-06-05')).toBe('Betriebsausflug');
    expect(iso(sut.addBusinessMinutes(at('2026-06-04T17:00:00+02:00'), 120))).toBe('2026-06-08T07:00:00.000Z');
  });

  it('opens on a special Saturday', () => {
    expect(sut.isOpenAt(at('2026-06-13T11:00:00+02:00'))).toBe(true);
    expect(sut.isOpenAt(at('2026-06-13T14:00:00+02:00'))).toBe(false);
    expect(iso(sut.nextOpening(at('2026-06-13T08:00:00+02:00')))).toBe('2026-06-13T08:00:00.000Z');
    expect(iso(sut.addBusinessMinutes(at('2026-06-12T17:00:00+02:00'), 120))).toBe('2026-06-13T09:00:00.000Z');
  });

  it('shortens hours on 24 December, which is no public holiday', () => {
    expect(sut.holidayOn('2026-12-24')).toBeUndefined();
    expect(sut.isOpenAt(at('2026-12-24T13:00:00+01:00'))).toBe(false);
    // 1 h on 24 Dec, then 25 + 26 Dec (holidays) and Sunday, 1 h on Monday 28 Dec.
    expect(iso(sut.addBusinessMinutes(at('2026-12-24T11:00:00+01:00'), 120))).toBe('2026-12-28T08:00:00.000Z');
  });

  it('opens on a public holiday that has special hours, which stays a holiday', () => {
    expect(sut.holidayOn('2026-05-14')).toBe('Christi Himmelfahrt');
    expect(sut.isOpenAt(at('2026-05-14T11:00:00+02:00'))).toBe(true);
    expect(sut.isOpenAt(at('2026-05-14T13:00:00+02:00'))).toBe(false);
  });

  it('can express a one-off holiday date-holidays lacks', () => {
    // Berlin's 8 May 2025 is in date-holidays; a future one-off would be added like this.
    const berlin = new BusinessCalendar({
      state: 'BE',
      overrides: [{ date: '2030-05-08', closed: true, name: 'Tag der Befreiung (85. Jahrestag)' }],
    });

    expect(berlin.holidayOn('2030-05-08')).toBe('Tag der Befreiung (85. Jahrestag)');
    expect(berlin.isOpenAt(at('2030-05-08T10:00:00+02:00'))).toBe(false);
  });
});
