import { SynonymKind } from '@d115/contracts';
import data from '../data/synonyms.de.json';

/** A line of the synonym table as shipped in data/synonyms.de.json. */
export interface ShippedSynonym {
  phrase: string;
  expansions: string[];
  kind: SynonymKind;
}

export const SHIPPED_SYNONYMS_VERSION: number = data.version;

/** Words callers use around their question that say nothing about the service (beyond Postgres' German stop words). */
export const EXTRA_STOP_WORDS: ReadonlySet<string> = new Set(data.stopWords.map((word) => word.toLowerCase()));

/** One line per phrase; a phrase listed in several groups gets all their expansions. */
export const SHIPPED_SYNONYMS: ShippedSynonym[] = (() => {
  const byPhrase = new Map<string, ShippedSynonym>();
  for (const entry of data.entries) {
    for (const raw of entry.phrases) {
      const phrase = normalisePhrase(raw);
      const known = byPhrase.get(phrase);
      if (known) known.expansions = [...new Set([...known.expansions, ...entry.expansions])];
      else byPhrase.set(phrase, { phrase, expansions: [...entry.expansions], kind: entry.kind as SynonymKind });
    }
  }
  return [...byPhrase.values()];
})();

/** How phrases are kept: lower-cased, single spaces. */
export function normalisePhrase(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').trim();
}
