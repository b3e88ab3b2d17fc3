import { scrubQuery } from './scrub';

describe('scrubbing a query for the search log', () => {
  it('replaces e-mail addresses, numbers and names after a form of address', () => {
    expect(scrubQuery('Herr Max Mustermann, Tel. 0381 / 12 34 56, max@example.org, Ausweis weg')).toBe('herr ‹name›, tel. ‹zahl›, ‹email›, ausweis weg');
    expect(scrubQuery('ich heiße Anna und brauche eine Meldebescheinigung für DE89 3704 0044')).toBe(
      'ich heiße ‹name› und brauche eine meldebescheinigung für ‹zahl›',
    );
  });

  it('keeps an ordinary question as it is, lower-cased', () => {
    expect(scrubQuery('  Wo melde ich  meinen Hund an? ')).toBe('wo melde ich meinen hund an?');
  });
});
