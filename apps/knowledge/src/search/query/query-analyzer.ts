import { Injectable } from '@nestjs/common';
import { candidatePieces, splitCompound } from '../domain/compounds';
import { idf, QueryWord, queryWords } from '../domain/words';
import { ALTERNATIVE_WEIGHT, FUZZY } from '../index/ranking';
import { EXTRA_STOP_WORDS } from '../synonyms/shipped-synonyms';
import { QueryTerm, SearchRepository } from './search.repository';

export interface AnalysedQuery {
  terms: QueryTerm[];
  /** Query groups (a word, a joined pair, a phrase with synonyms); a service's score is scaled by the share it matches. */
  groups: number;
  /** Typed word → the catalogue word it was corrected to. */
  corrections: Map<string, string>;
  words: QueryWord[];
}

interface Group {
  alternatives: Map<string, number>;
}

/**
 * Turns the caller's words into weighted query terms, in at most three round
 * trips: (1) every word and every adjacent pair joined, against the vocabulary
 * and the stemmer; (2) the synonym table for words and phrases of up to three
 * words, and the pieces of unknown compounds; (3) trigram corrections for what
 * is still unknown. Each word is a group of alternatives (itself, its compound
 * parts, its synonyms, its correction); a term's weight is its rarity (idf) in
 * the loaded catalogue times the alternative's weight.
 */
@Injectable()
export class QueryAnalyzer {
  constructor(private readonly repository: SearchRepository) {}

  async analyse(query: string): Promise<AnalysedQuery> {
    const words = queryWords(query).filter((word) => !EXTRA_STOP_WORDS.has(word.text));
    const texts = words.map((word) => word.text);
    const joins = texts.slice(1).flatMap((text, i) => [texts[i] + text, `${texts[i]}s${text}`]);
    const [documents, looked] = await Promise.all([this.repository.documents(), this.repository.lookup([...new Set([...texts, ...joins])])]);
    const byText = new Map(looked.map((entry) => [entry.text, entry]));
    const lookups = texts.map((text) => byText.get(text)!);
    const weight = (df: number, factor: number) => idf(Math.max(documents, 1), df) * factor;

    const groups: Group[] = [];
    const wordGroups = new Map<number, Group>();
    lookups.forEach((entry, i) => {
      if (entry.term === null && !entry.known) return; // a stop word
      const group: Group = { alternatives: new Map() };
      if (entry.known) add(group, entry.known, weight(entry.df, ALTERNATIVE_WEIGHT.word));
      groups.push(group);
      wordGroups.set(i, group);
    });
    for (let i = 0; i + 1 < texts.length; i++) {
      const joined = [byText.get(texts[i] + texts[i + 1]), byText.get(`${texts[i]}s${texts[i + 1]}`)].find((entry) => entry?.known);
      if (joined) groups.push({ alternatives: new Map([[joined.known!, weight(joined.df, ALTERNATIVE_WEIGHT.joined)]]) });
    }

    // (2) synonyms of words and phrases; the pieces of compounds the catalogue does not know whole
    const keyTerms = lookups.map((entry) => entry.term);
    const keys = phraseKeys(keyTerms);
    const unknown = lookups.map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.term !== null && !entry.known);
    const pieceTexts = unknown.flatMap(({ entry }) => candidatePieces(entry.text));
    const [expansions, pieces] = await Promise.all([this.repository.expansions(keys), this.repository.lookup(pieceTexts)]);
    const expanded = new Set<number>();
    for (const expansion of expansions) {
      const positions = keyPositions(keyTerms, expansion.key);
      const target = positions.length === 1 ? wordGroups.get(positions[0]) : undefined;
      const group = target ?? phraseGroup(groups, expansion.key);
      add(group, expansion.term, weight(expansion.df, ALTERNATIVE_WEIGHT.synonym * expansion.weight));
      positions.forEach((position) => expanded.add(position));
    }
    const pieceTerms = new Map(pieces.filter((piece) => piece.known).map((piece) => [piece.text, piece] as const));
    const unresolved: { text: string; i: number }[] = [];
    for (const { entry, i } of unknown) {
      const split = splitCompound(entry.text, { termOf: (piece) => pieceTerms.get(piece)?.known });
      if (split) {
        const dfOf = new Map([...pieceTerms.values()].map((piece) => [piece.known!, piece.df]));
        split.forEach((term, n) => {
          const group = n === 0 ? wordGroups.get(i)! : { alternatives: new Map<string, number>() };
          add(group, term, weight(dfOf.get(term) ?? 0, ALTERNATIVE_WEIGHT.piece));
          if (n > 0) groups.push(group);
        });
      } else if (!expanded.has(i) && entry.text.length >= FUZZY.minLength) unresolved.push({ text: entry.text, i });
    }
    for (const { entry, i } of lookups.map((entry, i) => ({ entry, i }))) {
      if (entry.known) for (const part of entry.parts) add(wordGroups.get(i)!, part.term, weight(part.df, ALTERNATIVE_WEIGHT.part));
    }

    // (3) typos
    const corrections = new Map<string, string>();
    for (const correction of await this.repository.corrections(unresolved.map((entry) => entry.text))) {
      for (const { i } of unresolved.filter((entry) => entry.text === correction.text)) {
        add(wordGroups.get(i)!, correction.term, weight(correction.df, ALTERNATIVE_WEIGHT.fuzzy));
        corrections.set(words[i].typed, correction.word);
      }
    }

    const used = groups.filter((group) => group.alternatives.size > 0);
    const terms = used.flatMap((group, index) => [...group.alternatives].map(([term, w]) => ({ term, group: index, weight: w })));
    return { terms, groups: used.length, corrections, words };
  }
}

function add(group: Group, term: string, weight: number): void {
  if (weight <= 0) return;
  group.alternatives.set(term, Math.max(group.alternatives.get(term) ?? 0, weight));
}

/** Terms of words and of runs of two and three consecutive words (stop words skipped), joined by a space. */
function phraseKeys(terms: (string | null)[]): string[] {
  const content = terms.filter((term): term is string => term !== null);
  const keys = new Set<string>();
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= content.length; i++) keys.add(content.slice(i, i + n).join(' '));
  return [...keys];
}

/** The word positions a key stands for (several for a phrase). */
function keyPositions(terms: (string | null)[], key: string): number[] {
  const parts = key.split(' ');
  const content = terms.map((term, i) => ({ term, i })).filter((entry) => entry.term !== null);
  for (let start = 0; start + parts.length <= content.length; start++)
    if (parts.every((part, n) => content[start + n].term === part)) return content.slice(start, start + parts.length).map((entry) => entry.i);
  return [];
}

const phraseGroups = new WeakMap<Group[], Map<string, Group>>();
function phraseGroup(groups: Group[], key: string): Group {
  const byKey = phraseGroups.get(groups) ?? new Map<string, Group>();
  phraseGroups.set(groups, byKey);
  let group = byKey.get(key);
  if (!group) {
    group = { alternatives: new Map() };
    byKey.set(key, group);
    groups.push(group);
  }
  return group;
}
