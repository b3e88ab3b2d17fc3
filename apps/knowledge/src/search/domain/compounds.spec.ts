import { candidatePieces, splitCompound } from './compounds';

describe('compound splitting', () => {
  const vocabulary = (words: Record<string, string>) => ({ termOf: (piece: string) => words[piece] });

  it('splits into the fewest known pieces, with a linking s', () => {
    const sut = vocabulary({
      bewohnerparkausweis: 'bewohnerparkausweis',
      bewohner: 'bewohn',
      park: 'park',
      ausweis: 'ausweis',
      umschreibung: 'umschreib',
      geburt: 'geburt',
      urkunde: 'urkund',
    });
    expect(splitCompound('bewohnerparkausweisumschreibung', sut)).toEqual(['bewohnerparkausweis', 'umschreib']);
    expect(splitCompound('bewohnerparkausweis', sut)).toEqual(['bewohn', 'park', 'ausweis']);
    expect(splitCompound('geburtsurkunde', sut)).toEqual(['geburt', 'urkund']);
  });

  it('does not split what has an unknown piece, or is too short', () => {
    const sut = vocabulary({ waffen: 'waff' });
    expect(splitCompound('waffenschein', sut)).toBeUndefined();
    expect(splitCompound('amt', sut)).toBeUndefined();
  });

  it('offers every piece of three letters or more, never the whole word', () => {
    const sut = candidatePieces('abcdef');
    expect(sut).toContain('abc');
    expect(sut).toContain('def');
    expect(sut).not.toContain('abcdef');
  });
});
