import { Injectable } from '@nestjs/common';
import { candidatePieces, splitCompound } from '../domain/compounds';
import { idf, QueryWord, queryWords } from '../domain/words';
import { ALTERNATIVE_WEIGHT, FUZZY } from '../index/ranking';
import { EXTRA_STOP_WORDS } from '../synonyms/shipped-synonyms';
import { keyPositions, QueryGroup, QueryGroups } from './query-groups';
import { IndexState, Lookup, QueryTerm, SearchRepository } from './search.repository';

export interface AnalysedQuery {
  terms: QueryTerm[];
  /** Query groups (a word, a joined pair, a phrase with synonyms); a service's score is scaled by the share it matches. */
  groups: number;
  /** Typed word → the catalogue word it was corrected to. */
  corrections: Map<string, string>;
  words: QueryWord[];
  /** Services in the index and its generation. */
  index: IndexState;
}

/** Where only the start or the end of an unknown compound is a catalogue word ("waffen|schein"). */
const PARTIAL_PIECE = 5;

/**
 * Turns the caller's words into weighted query terms, in one to three round
 * trips: (1) every word and every adjacent pair joined, against the vocabulary
 * and the stemmer, and the synonym table for words and phrases of up to three
 * words; (2) only with unknown words: the pieces of unknown compounds; (3) trigram
 * corrections for what is still unknown (the whole word, and the rest after a
 * known first piece) — in memory when the index is loaded, else by pg_trgm.
 * Each word is a group of alternatives (itself, its synonyms, its correction);
 * the parts of a compound are groups of their own at a lower weight. A term's
 * weight is its rarity (idf) in the loaded catalogue times the alternative's weight.
 */
@Injectable()
export class QueryAnalyzer {
  constructor(private readonly repository: SearchRepository) {}

  async analyse(query: string): Promise<AnalysedQuery> {
    const words = queryWords(query).filter((word) => !EXTRA_STOP_WORDS.has(word.text));
    const texts = words.map((word) => word.text);
    const joins = texts.slice(1).flatMap((text, i) => [texts[i] + text, `${texts[i]}s${text}`]);
    const { index, lookups: looked, expansions } = await this.repository.opening(texts, [...new Set([...texts, ...joins])]);
    const documents = index.documents;
    const byText = new Map(looked.map((entry) => [entry.text, entry]));
    const lookups = texts.map((text) => byText.get(text)!);
    const weight = (df: number, factor: number) => idf(Math.max(documents, 1), df) * factor;
    const groups = new QueryGroups();
    const knownWord = (group: QueryGroup, term: string, df: number, parts: Lookup['parts'], factor: number) => {
      group.add(term, weight(df, factor), df);
      for (const part of parts) groups.create().add(part.term, weight(part.df, factor * ALTERNATIVE_WEIGHT.part), part.df);
    };

    const wordGroups = new Map<number, QueryGroup>();
    lookups.forEach((entry, i) => {
      if (entry.term === null && !entry.known) return; // a stop word
      const group = groups.create();
      wordGroups.set(i, group);
      if (entry.known) knownWord(group, entry.known, entry.df, entry.parts, ALTERNATIVE_WEIGHT.word);
    });
    for (let i = 0; i + 1 < texts.length; i++) {
      const joined = [byText.get(texts[i] + texts[i + 1]), byText.get(`${texts[i]}s${texts[i + 1]}`)].find((entry) => entry?.known);
      if (joined) groups.create().add(joined.known!, weight(joined.df, ALTERNATIVE_WEIGHT.joined), joined.df);
    }

    // (2) synonyms of words and phrases; the pieces of compounds the catalogue does not know whole
    const keyTerms = lookups.map((entry) => entry.term);
    const unknown = lookups.map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.term !== null && !entry.known);
    const pieces = await this.repository.lookup(unknown.flatMap(({ entry }) => candidatePieces(entry.text)));
    const expanded = new Set<number>();
    for (const expansion of expansions) {
      const positions = keyPositions(keyTerms, expansion.key);
      const group = (positions.length === 1 ? wordGroups.get(positions[0]) : undefined) ?? groups.phrase(expansion.key);
      group.add(expansion.term, weight(expansion.df, ALTERNATIVE_WEIGHT.synonym * expansion.weight), expansion.df);
      positions.forEach((position) => expanded.add(position));
    }
    const known = new Map(pieces.filter((piece) => piece.known).map((piece) => [piece.text, piece] as const));
    const dfOf = new Map([...known.values()].map((piece) => [piece.known!, piece.df]));
    const unresolved: { text: string; i: number; rest?: { text: string; prefix: Lookup } }[] = [];
    for (const { entry, i } of unknown) {
      const split = splitCompound(entry.text, { termOf: (piece) => known.get(piece)?.known });
      if (split) {
        const partsOf = new Map([...known.values()].filter((piece) => piece.parts.length > 0).map((piece) => [piece.known!, piece.parts]));
        split.forEach((term, n) =>
          knownWord(n === 0 ? wordGroups.get(i)! : groups.create(), term, dfOf.get(term) ?? 0, partsOf.get(term) ?? [], ALTERNATIVE_WEIGHT.piece),
        );
        continue;
      }
      if (expanded.has(i) || entry.text.length < FUZZY.minLength) continue;
      const prefix = longestKnown(entry.text, known, 'start');
      const suffix = longestKnown(entry.text, known, 'end');
      for (const piece of [prefix, suffix]) if (piece) wordGroups.get(i)!.add(piece.known!, weight(piece.df, ALTERNATIVE_WEIGHT.piece * 0.8), piece.df);
      const rest = prefix && entry.text.length - prefix.text.length >= FUZZY.minLength ? { text: entry.text.slice(prefix.text.length), prefix } : undefined;
      unresolved.push({ text: entry.text, i, rest });
    }

    // (3) typos: the whole word, and the rest after a known first piece ("gewerbe|anmeldng")
    const corrections = new Map<string, string>();
    const asked = [...new Set(unresolved.flatMap((entry) => [entry.text, ...(entry.rest ? [entry.rest.text] : [])]))];
    const found = new Map((await this.repository.corrections(asked, index)).map((correction) => [correction.text, correction]));
    for (const { text, i, rest } of unresolved) {
      const whole = found.get(text);
      const ofRest = rest ? found.get(rest.text) : undefined;
      if (ofRest && (!whole || ofRest.similarity > whole.similarity)) {
        groups.create().add(ofRest.term, weight(ofRest.df, ALTERNATIVE_WEIGHT.fuzzy), ofRest.df);
        corrections.set(words[i].typed, rest!.prefix.text + ofRest.word);
      } else if (whole) {
        knownWord(wordGroups.get(i)!, whole.term, whole.df, whole.parts, ALTERNATIVE_WEIGHT.fuzzy);
        corrections.set(words[i].typed, whole.word);
      }
    }
    return { ...groups.terms(), corrections, words, index };
  }
}

function longestKnown(text: string, known: Map<string, Lookup>, side: 'start' | 'end'): Lookup | undefined {
  for (let length = text.length - 1; length >= PARTIAL_PIECE; length--) {
    const piece = known.get(side === 'start' ? text.slice(0, length) : text.slice(text.length - length));
    if (piece) return piece;
  }
  return undefined;
}
