import { PhonePseudonym } from './phone-pseudonym';

describe('PhonePseudonym', () => {
  const sut = new PhonePseudonym('secret');

  it('gives one pseudonym to the spellings of one number', () => {
    const spellings = [
      '0381 7654321',
      '+49 381 7654321',
      '0049381/7654321',
      '+49 (381) 765-43-21',
      '+49 (0)381 7654321',
      '493817654321',
      'tel:+49-381-7654321',
      'sip:+493817654321@pbx.rostock.de;user=phone',
    ];
    expect(new Set(spellings.map((s) => sut.of(s)))).toEqual(new Set([sut.of('+493817654321')]));
  });

  it('depends on the key and keeps no trace of the number', () => {
    const pseudonym = sut.of('0381 7654321');
    expect(pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonym).not.toBe(new PhonePseudonym('other').of('0381 7654321'));
    expect(pseudonym).not.toContain('7654321');
  });

  it('keeps extensions and short numbers as dialled', () => {
    expect(sut.normalise('2401')).toBe('2401');
    expect(sut.normalise('sip:2401@pbx')).toBe('2401');
    expect(sut.normalise('4912345')).toBe('4912345');
  });

  it('has no pseudonym for no number', () => {
    expect(sut.of(null)).toBeNull();
    expect(sut.of('anonymous')).toBeNull();
    expect(sut.of('')).toBeNull();
  });
});
