import { Occupancy, unitsOf } from './occupancy';

const UNIT = 15 * 60_000;

describe('Occupancy', () => {
  it('finds the lowest counter free for every unit of the appointment', () => {
    const sut = new Occupancy(3, UNIT);
    sut.add(0, 1);
    sut.add(UNIT, 2);
    expect(sut.freeCounter(0, 1)).toBe(2);
    expect(sut.freeCounter(0, 2)).toBe(3);
    sut.add(UNIT, 3);
    expect(sut.freeCounter(0, 2)).toBeUndefined();
    expect(sut.freeCounter(2 * UNIT, 1)).toBe(1);
  });

  it('tells a one-unit start free until every counter is taken there', () => {
    const sut = new Occupancy(2, UNIT);
    sut.add(0, 2);
    expect(sut.isFree(0, 1)).toBe(true);
    sut.add(0, 1);
    expect(sut.isFree(0, 1)).toBe(false);
    expect(sut.isFree(UNIT, 1)).toBe(true);
    expect(sut.isFree(0, 2)).toBe(false);
  });

  it('names the unit starts an appointment covers', () => {
    expect(unitsOf(0, 3, UNIT).map((d) => d.getTime())).toEqual([0, UNIT, 2 * UNIT]);
  });
});
