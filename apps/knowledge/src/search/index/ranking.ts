/**
 * The ranking's constants in one place (docs/knowledge.md, "Tuning").
 *
 * A term's weight for a service is BM25: idf(term) × tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)),
 * with tf the field-weighted frequency (name ×3, synonyms and keywords ×2, text ×1 — the text
 * contains the name and keywords again). Name and keyword hits add a boost on top, in units of idf.
 */
export const FIELD = { name: 1, keywords: 2, text: 4, part: 8 } as const;
export const FIELD_WEIGHT = { name: 3, keywords: 2, text: 1 } as const;

export const BM25 = {
  k1: 1.2,
  b: 0.75,
  /** A compound part counts half a word ("ausweis" in "personalausweis"). */
  partWeight: 0.5,
  /** Added to the frequency part when the term is in the service's name … */
  nameBoost: 1.2,
  /** … or its synonyms and keywords. */
  keywordBoost: 0.6,
  /** Tie-break for near-identical services: the share of the name's terms the query matched. */
  nameCoverage: 0.4,
} as const;

/** Weights of a query word's alternatives, relative to the word itself. */
export const ALTERNATIVE_WEIGHT = {
  word: 1,
  /** A piece of a query compound the catalogue does not know whole. */
  piece: 0.9,
  /** Two query words that the catalogue writes as one ("Personal Ausweis"). */
  joined: 1.1,
  /** The parts of a known compound, for services that say it in other words. */
  part: 0.35,
  /** A synonym, abbreviation or life-situation expansion (times the table's own weight). */
  synonym: 0.85,
  /** A typo corrected by trigram similarity. */
  fuzzy: 0.8,
} as const;

/** Trigram similarity a correction needs; words shorter than this are not corrected. */
export const FUZZY = { similarity: 0.45, minLength: 4 } as const;
