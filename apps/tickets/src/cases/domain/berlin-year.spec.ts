import { berlinYear } from './berlin-year';

describe('berlinYear', () => {
  it('counts New Year in German time, not UTC', () => {
    expect(berlinYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(berlinYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027); // 00:00 on 1 January in Berlin
  });
});
