/**
 * The query side of the tokenizer. The catalogue side is Postgres' `simple`
 * parser (to_tsvector), which also splits on every non-letter; both lower-case
 * and keep only words of letters, so a query word and a catalogue word meet.
 */
export interface QueryWord {
  /** Lower-cased, letters only. */
  text: string;
  /** As typed, for did-you-mean. */
  typed: string;
}

const WORD = /[\p{L}]+(?:-[\p{L}]+)*/gu;

export function queryWords(query: string, maxWords = 32): QueryWord[] {
  const words: QueryWord[] = [];
  for (const match of query.matchAll(WORD)) {
    for (const typed of match[0].split('-')) {
      if (typed.length < 2) continue;
      words.push({ typed, text: typed.toLowerCase() });
      if (words.length >= maxWords) return words;
    }
  }
  return words;
}

/** Umlaut folding, the same as the SQL function `search_fold` (migration 1796195810467). */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[äÄ]/g, 'a')
    .replace(/[öÖ]/g, 'o')
    .replace(/[üÜ]/g, 'u')
    .replace(/é/g, 'e')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

/** BM25's inverse document frequency: a word in a third of all services weighs little. */
export function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}
