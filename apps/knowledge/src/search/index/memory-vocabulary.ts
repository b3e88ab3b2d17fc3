import { FUZZY } from './ranking';

export interface VocabularyWord {
  word: string;
  folded: string;
  term: string;
  df: number;
  parts: string[];
}

export interface MemoryCorrection {
  word: VocabularyWord;
  similarity: number;
}

/**
 * The trigrams of a word as pg_trgm makes them: lower case, two blanks before
 * and one after, each distinct three-letter window once ("  a", " ab", "abc", "bc ").
 */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word.toLowerCase()} `;
  const chars = [...padded];
  const result = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) result.add(chars[i] + chars[i + 1] + chars[i + 2]);
  return result;
}

/**
 * The catalogue's words (those in at least one service) with an inverted
 * trigram index over their folded spellings, to correct typos in memory the way
 * the SQL does with pg_trgm: the most similar word (shared trigrams over all
 * trigrams of both), at least FUZZY.similarity, the more frequent word on a tie.
 */
export class MemoryVocabulary {
  private readonly byTrigram = new Map<string, number[]>();
  private readonly trigramCounts: Uint16Array;
  private readonly byTerm = new Map<string, string[]>();

  constructor(private readonly words: VocabularyWord[]) {
    this.trigramCounts = new Uint16Array(words.length);
    words.forEach((word, i) => {
      const own = trigrams(word.folded);
      this.trigramCounts[i] = own.size;
      for (const trigram of own) {
        const list = this.byTrigram.get(trigram);
        if (list) list.push(i);
        else this.byTrigram.set(trigram, [i]);
      }
      const spelled = this.byTerm.get(word.term);
      if (spelled) spelled.push(word.word);
      else this.byTerm.set(word.term, [word.word]);
    });
  }

  /** The most similar word to a folded query word, if similar enough. */
  correct(folded: string): MemoryCorrection | undefined {
    const own = trigrams(folded);
    const shared = new Map<number, number>();
    for (const trigram of own) for (const i of this.byTrigram.get(trigram) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    let best: MemoryCorrection | undefined;
    for (const [i, count] of shared) {
      const similarity = count / (own.size + this.trigramCounts[i] - count);
      if (similarity < FUZZY.similarity) continue;
      const word = this.words[i];
      if (
        !best ||
        similarity > best.similarity ||
        (similarity === best.similarity && (word.df > best.word.df || (word.df === best.word.df && word.word < best.word.word)))
      )
        best = { word, similarity };
    }
    return best;
  }

  /** The catalogue's spellings of the given terms (to highlight them), at most `limit`. */
  wordsOf(terms: string[], limit: number): string[] {
    const result: string[] = [];
    for (const term of terms) for (const word of this.byTerm.get(term) ?? []) if (result.length < limit) result.push(word);
    return result;
  }
}
