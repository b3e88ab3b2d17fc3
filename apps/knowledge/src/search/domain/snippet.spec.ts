import { snippet } from './snippet';

describe('snippets', () => {
  it('marks matched words and compounds containing a matched term, escaping the rest', () => {
    const sut = snippet('Den <Bewohnerparkausweis> beantragen Sie im Ordnungsamt.', new Set(['beantragen']), ['parkausweis']);
    expect(sut).toBe('Den &lt;<mark>Bewohnerparkausweis</mark>&gt; <mark>beantragen</mark> Sie im Ordnungsamt.');
  });

  it('shows the window with the most matches of a long text', () => {
    const text = `${'Vorwort '.repeat(60)}Hier steht der Reisepass. ${'Nachwort '.repeat(60)}`;
    const sut = snippet(text, new Set(['reisepass']), []);
    expect(sut).toContain('<mark>Reisepass</mark>');
    expect(sut.startsWith('… ')).toBe(true);
    expect(sut.endsWith(' …')).toBe(true);
  });
});
