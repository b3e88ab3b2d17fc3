import { epochDay, formatIsoDate, parseIsoDate, weekdayOf, yearOf } from './local-date';

describe('local dates', () => {
  it('parses strict calendar dates and round-trips them', () => {
    const sut = parseIsoDate;

    expect(sut('2026-03-29')).toBe(epochDay(2026, 3, 29));
    expect(formatIsoDate(sut('2024-02-29')!)).toBe('2024-02-29');
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-3-29', '29.03.2026', '0099-01-01', ''])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it('knows weekday and year', () => {
    expect(weekdayOf(epochDay(2026, 3, 29))).toBe(0); // Sunday
    expect(weekdayOf(epochDay(2027, 1, 1))).toBe(5); // Friday
    expect(yearOf(epochDay(2026, 12, 31) + 1)).toBe(2027);
  });
});
