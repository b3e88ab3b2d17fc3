import { MemoryVocabulary, trigrams } from './memory-vocabulary';

const word = (folded: string, df: number) => ({ word: folded, folded, term: folded, df, parts: [] });

describe('MemoryVocabulary', () => {
  it('makes the trigrams pg_trgm makes (two blanks before, one after, each once)', () => {
    expect([...trigrams('Cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat']);
    expect(trigrams('aaaa').size).toBe(4); // "  a", " aa", "aaa", "aa "
  });

  it('corrects to the most similar word above the threshold, the more frequent one on a tie', () => {
    const vocabulary = new MemoryVocabulary([word('fuhrerschein', 3), word('fahrerlaubnis', 2), word('hund', 9)]);
    expect(vocabulary.correct('furerschein')).toMatchObject({ word: { word: 'fuhrerschein' } });
    // "  f"," fu","fur","ure","rer","ers","rsc","sch","che","hei","ein","in " (12) vs 13 of fuhrerschein, 10 shared
    expect(vocabulary.correct('furerschein')!.similarity).toBeCloseTo(10 / 15, 5);
    expect(vocabulary.correct('katze')).toBeUndefined();
    const tie = new MemoryVocabulary([word('hunde', 1), word('hundt', 5)]);
    expect(tie.correct('hund')!.word.word).toBe('hundt');
  });
});
