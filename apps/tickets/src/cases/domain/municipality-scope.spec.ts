import { decodeCursor, encodeCursor, inScope } from './municipality-scope';

describe('inScope', () => {
  it.each([
    ['130030000000', ['13'], true],
    ['130030000000', ['14', '130030'], true],
    ['140000000000', ['13'], false],
    ['140000000000', undefined, true],
    [null, ['13'], true],
  ])('%s within %j is %s', (ars, scope, expected) => {
    expect(inScope(ars, scope)).toBe(expected);
  });
});

describe('search cursor', () => {
  it('round-trips the position of a case', () => {
    const at = new Date('2026-12-02T08:00:00.123Z');
    expect(decodeCursor(encodeCursor(at, '0193a1b2-0000-7000-8000-000000000001'))).toEqual({
      createdAt: at.toISOString(),
      id: '0193a1b2-0000-7000-8000-000000000001',
    });
  });

  it('refuses a cursor it did not issue', () => {
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow('cursor is not one this service issued');
  });
});
