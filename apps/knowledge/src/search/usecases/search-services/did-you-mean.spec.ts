import { didYouMean } from './did-you-mean';

describe('did you mean', () => {
  it('replaces each corrected word, keeping the capital', () => {
    expect(
      didYouMean(
        'Fürerschein verloren, fürerschein weg',
        new Map([
          ['Fürerschein', 'führerschein'],
          ['fürerschein', 'führerschein'],
        ]),
      ),
    ).toBe('Führerschein verloren, führerschein weg');
  });
});
