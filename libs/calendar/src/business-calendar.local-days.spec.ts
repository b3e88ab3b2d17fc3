import { BusinessCalendar } from './business-calendar';

describe('BusinessCalendar local days', () => {
  const sut = new BusinessCalendar({ state: 'MV' });

  it('names the local date of an instant in the calendar’s zone', () => {
    expect(sut.localDateOf(new Date('2027-03-01T22:59:59Z'))).toBe('2027-03-01');
    expect(sut.localDateOf(new Date('2027-03-01T23:00:00Z'))).toBe('2027-03-02');
  });

  it('finds the start of a local day, also on the days the clocks change', () => {
    expect(sut.startOfLocalDay('2027-03-01').toISOString()).toBe('2027-02-28T23:00:00.000Z');
    expect(sut.startOfLocalDay('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(sut.startOfLocalDay('2027-03-29').toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(() => sut.startOfLocalDay('2027-02-30')).toThrow(/YYYY-MM-DD/);
  });
});
