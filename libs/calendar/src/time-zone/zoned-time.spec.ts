import { epochDay } from './local-date';
import { isKnownTimeZone, localDayOf, offsetAt, toInstant } from './zoned-time';

const BERLIN = 'Europe/Berlin';
const iso = (ms: number) => new Date(ms).toISOString();

describe('toInstant', () => {
  const sut = toInstant;

  it('maps Berlin wall-clock time to UTC on both sides of the spring switch-over', () => {
    expect(iso(sut(epochDay(2026, 3, 28), 8 * 60, BERLIN))).toBe('2026-03-28T07:00:00.000Z');
    expect(iso(sut(epochDay(2026, 3, 29), 8 * 60, BERLIN))).toBe('2026-03-29T06:00:00.000Z');
  });

  it('maps Berlin wall-clock time to UTC on both sides of the autumn switch-over', () => {
    expect(iso(sut(epochDay(2026, 10, 24), 8 * 60, BERLIN))).toBe('2026-10-24T06:00:00.000Z');
    expect(iso(sut(epochDay(2026, 10, 25), 8 * 60, BERLIN))).toBe('2026-10-25T07:00:00.000Z');
  });

  it('moves a skipped time (29 March 2026, 02:30) forward by the lost hour', () => {
    expect(iso(sut(epochDay(2026, 3, 29), 2 * 60 + 30, BERLIN))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first occurrence of a repeated time (25 October 2026, 02:30)', () => {
    expect(iso(sut(epochDay(2026, 10, 25), 2 * 60 + 30, BERLIN))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads 24:00 as midnight starting the next day', () => {
    expect(iso(sut(epochDay(2026, 3, 28), 1440, BERLIN))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(sut(epochDay(2026, 3, 29), 1440, BERLIN))).toBe('2026-03-29T22:00:00.000Z');
  });

  it('works for other zones, including half-hour offsets', () => {
    expect(iso(sut(epochDay(2026, 3, 8), 8 * 60, 'America/New_York'))).toBe('2026-03-08T12:00:00.000Z');
    expect(iso(sut(epochDay(2026, 1, 15), 9 * 60, 'Asia/Kolkata'))).toBe('2026-01-15T03:30:00.000Z');
  });
});

describe('offsets and local days', () => {
  it('reads the offset in force at an instant', () => {
    expect(offsetAt(Date.parse('2026-03-29T00:59:59Z'), BERLIN)).toBe(3_600_000);
    expect(offsetAt(Date.parse('2026-03-29T01:00:00Z'), BERLIN)).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-10-25T01:00:00.500Z'), BERLIN)).toBe(3_600_000);
  });

  it('finds the local calendar day of an instant', () => {
    expect(localDayOf(Date.parse('2026-03-28T23:30:00Z'), BERLIN)).toBe(epochDay(2026, 3, 29));
    expect(localDayOf(Date.parse('2026-12-31T22:59:59Z'), BERLIN)).toBe(epochDay(2026, 12, 31));
    expect(localDayOf(Date.parse('2026-12-31T23:00:00Z'), BERLIN)).toBe(epochDay(2027, 1, 1));
  });

  it('tells known time zones from unknown ones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Europe/Rostock')).toBe(false);
  });
});
