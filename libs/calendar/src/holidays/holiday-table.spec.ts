import Holidays from 'date-holidays';
import { epochDay, parseIsoDate } from '../time-zone/local-date';
import { HolidayTable, knownRegions, knownStates } from './holiday-table';

// Facts checked against date-holidays 3.26.1 and the state laws they encode.
describe('HolidayTable', () => {
  const on = (sut: HolidayTable, date: string) => sut.nameOn(parseIsoDate(date)!);

  it('has Frauentag (8 March) in Mecklenburg-Vorpommern since 2023, not in 2022', () => {
    const sut = new HolidayTable('MV');

    expect(on(sut, '2022-03-08')).toBeUndefined();
    expect(on(sut, '2023-03-08')).toBe('Internationaler Frauentag');
    expect(on(sut, '2026-03-08')).toBe('Internationaler Frauentag');
  });

  it("has Berlin's one-off Tag der Befreiung on 8 May 2025 only", () => {
    const sut = new HolidayTable('BE');

    expect(on(sut, '2025-05-08')).toBe('Tag der Befreiung (80. Jahrestag)');
    expect(on(sut, '2026-05-08')).toBeUndefined();
    expect(on(new HolidayTable('MV'), '2025-05-08')).toBeUndefined();
  });

  it('has Reformationstag in MV but not in Bavaria, which has Allerheiligen', () => {
    expect(on(new HolidayTable('MV'), '2025-10-31')).toBe('Reformationstag');
    expect(on(new HolidayTable('BY'), '2025-10-31')).toBeUndefined();
    expect(on(new HolidayTable('BY'), '2025-11-01')).toBe('Allerheiligen');
  });

  it('has regional holidays only in their region (Augsburger Friedensfest)', () => {
    expect(on(new HolidayTable('BY', 'A'), '2025-08-08')).toBe('Augsburger Friedensfest');
    expect(on(new HolidayTable('BY'), '2025-08-08')).toBeUndefined();
  });

  it('leaves out non-public days such as Heiligabend', () => {
    expect(on(new HolidayTable('MV'), '2026-12-24')).toBeUndefined();
    expect(on(new HolidayTable('MV'), '2026-12-25')).toBe('1. Weihnachtstag');
  });

  it('asks date-holidays once per year', () => {
    const spy = jest.spyOn(Holidays.prototype, 'getHolidays');
    try {
      const sut = new HolidayTable('MV');
      for (let day = epochDay(2026, 1, 1); day <= epochDay(2026, 12, 31); day++) sut.nameOn(day);

      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('lists the German states and their regions', () => {
    expect(Object.keys(knownStates())).toHaveLength(16);
    expect(Object.keys(knownRegions('BY'))).toContain('A');
    expect(knownRegions('MV')).toEqual({});
  });
});
