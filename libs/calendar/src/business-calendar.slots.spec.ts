import { BusinessCalendar } from './business-calendar';
import { CalendarErrorCode } from './calendar.exception';

const at = (text: string) => new Date(text);
const pairs = (slots: { start: Date; end: Date }[]) => slots.map(({ start, end }) => [start.toISOString().slice(11, 16), end.toISOString().slice(11, 16)]);

// A Bürgerbüro in Berlin: Mon–Fri 08:00–12:00 and 13:00–16:00 (lunch break).
const lunchBreak = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '16:00' },
];
const office = new BusinessCalendar({
  state: 'BE',
  weeklyHours: { mon: lunchBreak, tue: lunchBreak, wed: lunchBreak, thu: lunchBreak, fri: lunchBreak },
});

describe('slots', () => {
  it('lays back-to-back slots from each opening, none crossing the lunch break or closing time', () => {
    const sut = office;

    const slots = sut.slots({ from: at('2026-06-09T00:00:00+02:00'), to: at('2026-06-10T00:00:00+02:00'), durationMinutes: 45 });

    // UTC times; local is +2 h. 11:45–12:30 and 16:00 onwards would cross a closing time.
    expect(pairs(slots)).toEqual([
      ['06:00', '06:45'],
      ['06:45', '07:30'],
      ['07:30', '08:15'],
      ['08:15', '09:00'],
      ['09:00', '09:45'],
      ['11:00', '11:45'],
      ['11:45', '12:30'],
      ['12:30', '13:15'],
      ['13:15', '14:00'],
    ]);
  });

  it('keeps to the grid of the opening time when the range starts mid-hour', () => {
    const sut = office;

    const slots = sut.slots({
      from: at('2026-06-09T11:20:00+02:00'),
      to: at('2026-06-09T13:40:00+02:00'),
      durationMinutes: 30,
      stepMinutes: 15,
    });

    // Local 11:30–12:00 before the break, 13:00–13:30 after it; 13:15–13:45 passes `to`.
    expect(pairs(slots)).toEqual([
      ['09:30', '10:00'],
      ['11:00', '11:30'],
    ]);
  });

  it('stops before closing time with overlapping slots', () => {
    const sut = new BusinessCalendar({ state: 'MV' });

    const slots = sut.slots({
      from: at('2026-06-12T16:00:00+02:00'),
      to: at('2026-06-12T20:00:00+02:00'),
      durationMinutes: 60,
      stepMinutes: 25,
    });

    // Grid from 08:00 every 25 min: 16:20, 16:45; 17:10–18:10 would cross 18:00.
    expect(pairs(slots)).toEqual([
      ['14:20', '15:20'],
      ['14:45', '15:45'],
    ]);
  });

  it('has no slots on a public holiday or weekend', () => {
    const sut = new BusinessCalendar({ state: 'MV' });

    const slots = sut.slots({ from: at('2026-05-13T00:00:00+02:00'), to: at('2026-05-19T00:00:00+02:00'), durationMinutes: 600 });

    // Wed 13, (Ascension Thu 14 closed), Fri 15, (weekend), Mon 18.
    expect(slots.map((slot) => slot.start.toISOString())).toEqual(['2026-05-13T06:00:00.000Z', '2026-05-15T06:00:00.000Z', '2026-05-18T06:00:00.000Z']);
  });

  it('refuses zero durations and runaway ranges with a typed error', () => {
    const sut = office;
    const invalidArgument = expect.objectContaining({ code: CalendarErrorCode.InvalidArgument });
    const week = { from: at('2026-06-08T00:00:00+02:00'), to: at('2026-06-15T00:00:00+02:00') };

    expect(() => sut.slots({ ...week, durationMinutes: 0 })).toThrow(invalidArgument);
    expect(() => sut.slots({ ...week, durationMinutes: 15, stepMinutes: -5 })).toThrow(invalidArgument);
    expect(() => sut.slots({ ...week, durationMinutes: 15, stepMinutes: 1e-9 })).toThrow(invalidArgument);
    expect(() => sut.slots({ ...week, durationMinutes: 1, maxSlots: 100 })).toThrow(invalidArgument);
    expect(sut.slots({ ...week, durationMinutes: 60, maxSlots: 35 })).toHaveLength(35);
  });
});
