import { BusinessCalendar } from './business-calendar';
import { CalendarErrorCode } from './calendar.exception';

const at = (text: string) => new Date(text);
const iso = (date: Date) => date.toISOString();
const HOURS_24 = 24 * 60;

// Rostock: Mecklenburg-Vorpommern, default 115 service hours Mon–Fri 08:00–18:00.
const rostock = new BusinessCalendar({ state: 'MV' });

describe('addBusinessMinutes', () => {
  const sut = rostock;

  it('counts 24 service hours from Friday 17:30 before Whit Monday', () => {
    // Fri 0.5 h, Whit Monday closed, Tue 10 h, Wed 10 h, Thu 3.5 h → Thu 11:30 CEST.
    expect(iso(sut.addBusinessMinutes(at('2026-05-22T17:30:00+02:00'), HOURS_24))).toBe('2026-05-28T09:30:00.000Z');
  });

  it('counts 24 service hours from Maundy Thursday 17:30 over the Easter holidays', () => {
    // Thu 0.5 h, Good Friday … Easter Monday closed, Tue 10 h, Wed 10 h, Thu 3.5 h.
    expect(iso(sut.addBusinessMinutes(at('2026-04-02T17:30:00+02:00'), HOURS_24))).toBe('2026-04-09T09:30:00.000Z');
  });

  it('spans the spring DST switch-over of 29 March 2026 exactly', () => {
    // Fri 1 h (CET), Mon 10 h and Tue 10 h (CEST), Wed 3 h → 11:00 CEST = 09:00 UTC.
    expect(iso(sut.addBusinessMinutes(at('2026-03-27T17:00:00+01:00'), HOURS_24))).toBe('2026-04-01T09:00:00.000Z');
    // Thu 6 h, Fri 10 h, Mon 8 h → Mon 16:00 CEST = 14:00 UTC (a fixed offset would say 15:00).
    expect(iso(sut.addBusinessMinutes(at('2026-03-26T12:00:00+01:00'), HOURS_24))).toBe('2026-03-30T14:00:00.000Z');
  });

  it('spans the autumn DST switch-over of 25 October 2026 exactly', () => {
    // Fri 1 h (CEST), Mon 10 h and Tue 10 h (CET), Wed 3 h → 11:00 CET = 10:00 UTC.
    expect(iso(sut.addBusinessMinutes(at('2026-10-23T17:00:00+02:00'), HOURS_24))).toBe('2026-10-28T10:00:00.000Z');
    // Thu 6 h, Fri 10 h, Mon 8 h → Mon 16:00 CET = 15:00 UTC.
    expect(iso(sut.addBusinessMinutes(at('2026-10-22T12:00:00+02:00'), HOURS_24))).toBe('2026-10-26T15:00:00.000Z');
  });

  it('counts elapsed hours through the night of a switch-over when open round the clock', () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const hotline = new BusinessCalendar({
      state: 'MV',
      weeklyHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    });

    // Sunday 29 March has 23 hours, Sunday 25 October 25.
    expect(hotline.businessMinutesBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(1380);
    expect(hotline.businessMinutesBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(1500);
    expect(iso(hotline.addBusinessMinutes(at('2026-03-29T00:00:00+01:00'), HOURS_24))).toBe('2026-03-29T23:00:00.000Z');
  });

  it('carries a deadline over New Year to the first working day of January', () => {
    // 31 Dec is a normal working day: 6 h, 1 Jan closed, Fri 2 Jan 4 h.
    expect(iso(sut.addBusinessMinutes(at('2025-12-31T12:00:00+01:00'), 600))).toBe('2026-01-02T11:00:00.000Z');
    // 1 Jan 2027 is a Friday: the first working day is Monday 4 January.
    expect(iso(sut.addBusinessMinutes(at('2026-12-31T17:30:00+01:00'), 60))).toBe('2027-01-04T07:30:00.000Z');
    expect(iso(sut.nextOpening(at('2026-12-31T18:00:00+01:00')))).toBe('2027-01-04T07:00:00.000Z');
  });

  it('skips Frauentag in MV from 2023 on, but not in 2022', () => {
    expect(iso(sut.addBusinessMinutes(at('2024-03-07T17:00:00+01:00'), 120))).toBe('2024-03-11T08:00:00.000Z');
    expect(iso(sut.addBusinessMinutes(at('2022-03-07T17:00:00+01:00'), 120))).toBe('2022-03-08T08:00:00.000Z');
  });

  it("skips Berlin's 8 May 2025 in Berlin only", () => {
    const berlin = new BusinessCalendar({ state: 'BE' });

    expect(iso(berlin.addBusinessMinutes(at('2025-05-07T17:00:00+02:00'), 120))).toBe('2025-05-09T07:00:00.000Z');
    expect(iso(sut.addBusinessMinutes(at('2025-05-07T17:00:00+02:00'), 120))).toBe('2025-05-08T07:00:00.000Z');
  });

  it('skips Reformationstag in MV but not in Bavaria', () => {
    const munich = new BusinessCalendar({ state: 'BY' });

    expect(iso(sut.addBusinessMinutes(at('2025-10-30T17:00:00+01:00'), 120))).toBe('2025-11-03T08:00:00.000Z');
    expect(iso(munich.addBusinessMinutes(at('2025-10-30T17:00:00+01:00'), 120))).toBe('2025-10-31T08:00:00.000Z');
  });

  it('starts outside hours at the next opening', () => {
    expect(iso(sut.addBusinessMinutes(at('2026-06-06T10:00:00+02:00'), 30))).toBe('2026-06-08T06:30:00.000Z');
    expect(iso(sut.addBusinessMinutes(at('2026-06-06T10:00:00+02:00'), 0))).toBe('2026-06-08T06:00:00.000Z');
  });

  it('lands on the closing time when the hours are used up exactly', () => {
    expect(iso(sut.addBusinessMinutes(at('2026-06-12T17:00:00+02:00'), 60))).toBe('2026-06-12T16:00:00.000Z');
  });

  it('keeps fractions of a minute and seconds', () => {
    expect(iso(sut.addBusinessMinutes(at('2026-06-10T10:00:00+02:00'), 0.5))).toBe('2026-06-10T08:00:30.000Z');
    expect(iso(sut.addBusinessMinutes(at('2026-06-10T10:00:00+02:00'), 1.25))).toBe('2026-06-10T08:01:15.000Z');
    expect(iso(sut.addBusinessMinutes(at('2026-06-10T17:59:30+02:00'), 1))).toBe('2026-06-11T06:00:30.000Z');
  });

  it('rejects negative or non-finite minutes', () => {
    const invalidArgument = expect.objectContaining({ code: CalendarErrorCode.InvalidArgument });

    expect(() => sut.addBusinessMinutes(at('2026-06-10T10:00:00Z'), -1)).toThrow(invalidArgument);
    expect(() => sut.addBusinessMinutes(at('2026-06-10T10:00:00Z'), Number.NaN)).toThrow(invalidArgument);
    expect(() => sut.addBusinessMinutes(at('2026-06-10T10:00:00Z'), Infinity)).toThrow(invalidArgument);
  });
});

describe('businessMinutesBetween', () => {
  const sut = rostock;

  it('counts only service hours', () => {
    expect(sut.businessMinutesBetween(at('2026-05-22T17:30:00+02:00'), at('2026-05-28T11:30:00+02:00'))).toBe(HOURS_24);
    expect(sut.businessMinutesBetween(at('2026-06-06T10:00:00+02:00'), at('2026-06-08T08:30:00+02:00'))).toBe(30);
    expect(sut.businessMinutesBetween(at('2026-06-13T10:00:00+02:00'), at('2026-06-14T10:00:00+02:00'))).toBe(0);
    expect(sut.businessMinutesBetween(at('2026-06-10T10:00:00+02:00'), at('2026-06-10T10:00:30+02:00'))).toBe(0.5);
  });

  it('is negative when the second instant is earlier', () => {
    expect(sut.businessMinutesBetween(at('2026-05-28T11:30:00+02:00'), at('2026-05-22T17:30:00+02:00'))).toBe(-HOURS_24);
  });

  it('is the inverse of addBusinessMinutes for every end inside hours', () => {
    // Starts every 7 h 13 min over 2 months with both DST switch-overs' weeks in view
    // (in and out of hours); ends every 5 h 41 min 17 s, kept when inside hours.
    const mismatches: string[] = [];
    let pairs = 0;
    for (const [first, last] of [
      ['2026-03-16T00:00:00Z', '2026-04-10T00:00:00Z'],
      ['2026-10-12T00:00:00Z', '2026-11-06T00:00:00Z'],
    ]) {
      for (let a = Date.parse(first); a < Date.parse(last); a += (7 * 60 + 13) * 60_000) {
        for (let b = a; b < a + 14 * 86_400_000; b += ((5 * 60 + 41) * 60 + 17) * 1000) {
          if (!sut.isOpenAt(new Date(b))) continue;
          pairs += 1;
          const minutes = sut.businessMinutesBetween(new Date(a), new Date(b));
          if (sut.addBusinessMinutes(new Date(a), minutes).getTime() !== b) {
            mismatches.push(`${new Date(a).toISOString()} + ${minutes} ≠ ${new Date(b).toISOString()}`);
          }
        }
      }
    }

    expect(pairs).toBeGreaterThan(2_000);
    expect(mismatches).toEqual([]);
  });

  it('gives back the minutes added, from any start', () => {
    for (const start of ['2026-03-27T17:30:00+01:00', '2026-10-24T03:00:00+02:00', '2026-12-31T16:00:00+01:00']) {
      for (const minutes of [0, 1, 59.5, 600, HOURS_24, 10_000]) {
        const deadline = sut.addBusinessMinutes(at(start), minutes);

        expect(sut.businessMinutesBetween(at(start), deadline)).toBe(minutes);
      }
    }
  });

  it('handles spans of years by whole days', () => {
    // About ten years of service hours, both ways.
    const start = at('2026-01-05T08:00:00+01:00');
    const minutes = 2_500 * 600;
    const began = Date.now();

    const deadline = sut.addBusinessMinutes(start, minutes);
    const back = sut.businessMinutesBetween(start, deadline);

    expect(back).toBe(minutes);
    expect(deadline.getUTCFullYear()).toBe(2035);
    expect(Date.now() - began).toBeLessThan(2_000);
  });
});
