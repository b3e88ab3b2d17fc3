import { fold, idf, queryWords } from './words';

describe('query words', () => {
  it('keeps words of letters, splits hyphens, drops numbers and single letters', () => {
    expect(queryWords('Kfz-Zulassung für 2 Autos, z. B. E-Auto!').map((w) => w.text)).toEqual(['kfz', 'zulassung', 'für', 'autos', 'auto']);
  });

  it('folds umlauts, their transcriptions and ß alike', () => {
    expect(fold('Führerschein')).toBe(fold('Fuehrerschein'));
    expect(fold('Straße')).toBe(fold('Strasse'));
    expect(fold('Ärger')).toBe(fold('aerger'));
  });

  it('weighs a word in a third of the services far below a rare one', () => {
    expect(idf(1000, 330)).toBeLessThan(idf(1000, 3) / 4);
  });
});
