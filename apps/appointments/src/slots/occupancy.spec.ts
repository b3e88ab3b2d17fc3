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

  it('names the unit starts an appointment covers', () => {
    expect(unitsOf(0, 3, UNIT).map((d) => d.getTime())).toEqual([0, UNIT, 2 * UNIT]);
  });
});
