import { normaliseArs, significantPrefix } from './ars';

describe('significantPrefix', () => {
  it.each([
    ['130030000000', '13003'],
    ['130030000001', '130030000001'],
    ['130715258012', '130715258012'],
    ['130710000000', '13071'],
    ['091620000000', '09162'],
    ['110000000000', '11'],
    ['064120000000', '06412'],
    ['064000000000', '064'],
    ['137155466000', '137155466'],
  ])('%s → %s', (ars, prefix) => {
    expect(significantPrefix(ars)).toBe(prefix);
  });

  it('refuses what is not an ARS', () => {
    expect(() => significantPrefix('1300300')).toThrow('not an ARS');
  });
});

describe('normaliseArs', () => {
  it('keeps a 12-digit key, extends an AGS and pads a level key', () => {
    expect(normaliseArs('130030000000')).toBe('130030000000');
    expect(normaliseArs('13003000')).toBe('130030000000');
    expect(normaliseArs('13003')).toBe('130030000000');
    expect(normaliseArs('1300x')).toBeUndefined();
  });
});
