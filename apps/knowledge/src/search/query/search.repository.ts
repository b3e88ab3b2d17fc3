import { Injectable } from '@nestjs/common';
import { Transactions } from '@d115/database';
import { candidateFlags, MemoryHit, ScoreBoosts } from '../index/memory-index';
import { FUZZY } from '../index/ranking';
import { SearchIndexCache } from '../index/search-index-cache';
import { TrigramSupport } from '../index/trigram-support';
import { fold } from '../domain/words';

/** What the vocabulary says about a string of the query. */
export interface Lookup {
  text: string;
  /** Its term (snowball stem, folded) whether the catalogue knows it or not; null for a stop word. */
  term: string | null;
  /** The term of the catalogue word it is (by its folded spelling), else of its stem when services use that. */
  known?: string;
  /** Compound parts of the catalogue word, with their document frequencies. */
  parts: { term: string; df: number }[];
  df: number;
}

export interface Expansion {
  key: string;
  term: string;
  weight: number;
  df: number;
}

export interface Correction {
  text: string;
  word: string;
  term: string;
  df: number;
  similarity: number;
  parts: { term: string; df: number }[];
}

export interface QueryTerm {
  term: string;
  group: number;
  /** Services with the term in the loaded catalogue. */
  df: number;
  /** idf × the alternative's weight. */
  weight: number;
}

export interface ScoreFilter {
  /** Significant prefix of the ARS asked about. */
  regionPrefix?: string;
  ars?: string;
  online?: boolean;
}

export interface ScoredService {
  serviceId: string;
  sourceId: string;
  leikaKey: string | null;
  name: string;
  plainText: string;
  /** Lines of plain_text before the text modules: the name, each synonym and keyword. */
  headLines: number;
  score: number;
  total: number;
}

/** Ranked services (by id); `services` with their texts when the ranking came from SQL. */
export interface Ranked {
  hits: MemoryHit[];
  total: number;
  services?: ScoredService[];
}

/** The loaded catalogue's size and the index generation (raised by every refresh that changed something). */
export interface IndexState {
  documents: number;
  generation: number;
}

const HIGHLIGHTED_WORDS = 500;

interface LookupRow {
  text: string;
  term: string | null;
  word_term: string | null;
  parts: { term: string; df: number }[] | null;
  word_df: number | null;
  stem_df: number | null;
}

/** Each text of $1: its term (stemmed, folded), the catalogue word of its folded spelling with its compound parts, the stem's frequency. */
// Scalar sub-selects, so each text is a few index probes whatever the planner guesses about unnest().
const LOOKUP_SQL = `SELECT q.text, q.term, w.term AS word_term, w.df AS word_df, (SELECT st.df FROM search_term_stat st WHERE st.term = q.term) AS stem_df,
         coalesce((SELECT jsonb_agg(jsonb_build_object('term', part, 'df', coalesce((SELECT ps.df FROM search_term_stat ps WHERE ps.term = part), 0)))
                   FROM unnest(w.parts) AS part), '[]'::jsonb) AS parts
  FROM (SELECT text, search_term(text) AS term FROM unnest($1::text[]) AS text) AS q
  LEFT JOIN LATERAL (SELECT term, parts, df FROM search_word WHERE folded = search_fold(q.text) ORDER BY df DESC LIMIT 1) AS w ON true`;

function toLookup(row: LookupRow): Lookup {
  const known = row.word_term && (row.word_df ?? 0) > 0 ? row.word_term : row.stem_df ? row.term! : undefined;
  const df = known === row.word_term ? (row.word_df ?? 0) : (row.stem_df ?? 0);
  return { text: row.text, term: row.term, known: known ?? undefined, parts: row.parts ?? [], df };
}

type ServiceRow = { service_id: string; source_id: string; leika_key: string | null; name: string; plain_text: string; head_lines: number };

/** All SQL of a search. Each method is one round trip. */
@Injectable()
export class SearchRepository {
  constructor(
    private readonly transactions: Transactions,
    private readonly trigram: TrigramSupport,
    private readonly cache: SearchIndexCache,
  ) {}

  /**
   * The first round trip of a search, one statement: the index state, what the vocabulary says
   * about each text (the query's words and their joined pairs), and the synonym expansions of the
   * words and of runs of two and three of them (the words' terms joined by a space, stop words
   * skipped — the keys search_expansion is written under).
   */
  async opening(words: string[], texts: string[]): Promise<{ index: IndexState; lookups: Lookup[]; expansions: Expansion[] }> {
    const [row]: { documents: number | null; generation: number | null; lookups: LookupRow[] | null; expansions: Expansion[] | null }[] =
      await this.transactions.manager.query(
        `WITH looked AS (${LOOKUP_SQL}),
           word AS (SELECT n, search_term(text) AS term FROM unnest($2::text[]) WITH ORDINALITY AS u(text, n)),
           content AS (SELECT term, row_number() OVER (ORDER BY n) AS n FROM word WHERE term IS NOT NULL),
           phrase AS (SELECT string_agg(b.term, ' ' ORDER BY b.n) AS key FROM content a CROSS JOIN generate_series(1, 3) AS len
                      JOIN content b ON b.n BETWEEN a.n AND a.n + len - 1 GROUP BY a.n, len HAVING count(*) = len),
           expansion AS (SELECT x.key, x.term, x.weight, x.df FROM (
                           SELECT e.key, e.term, max(e.weight)::real AS weight, (SELECT st.df FROM search_term_stat st WHERE st.term = e.term) AS df
                           FROM (SELECT DISTINCT key FROM phrase) AS p JOIN search_expansion e ON e.key = p.key GROUP BY e.key, e.term) AS x
                         WHERE x.df IS NOT NULL)
         SELECT (m.value->>'documents')::int AS documents, coalesce((m.value->>'generation')::int, 0) AS generation,
                (SELECT jsonb_agg(to_jsonb(looked)) FROM looked) AS lookups, (SELECT jsonb_agg(to_jsonb(expansion)) FROM expansion) AS expansions
         FROM (SELECT 1) AS one LEFT JOIN search_meta m ON m.key = 'stats'`,
        [texts, words],
      );
    return {
      index: { documents: row?.documents ?? 0, generation: row?.generation ?? 0 },
      lookups: (row?.lookups ?? []).map(toLookup),
      expansions: row?.expansions ?? [],
    };
  }

  /** What the vocabulary says about each text (pieces of unknown compounds). */
  async lookup(texts: string[]): Promise<Lookup[]> {
    if (texts.length === 0) return [];
    const rows: LookupRow[] = await this.transactions.manager.query(LOOKUP_SQL, [texts]);
    return rows.map(toLookup);
  }

  /** The most similar catalogue word for each text, if similar enough: in memory when this generation is loaded, else by the trigram index. */
  async corrections(texts: string[], index: IndexState): Promise<Correction[]> {
    if (texts.length === 0) return [];
    const memory = this.cache.current(index.generation);
    if (memory)
      return texts.flatMap((text) => {
        const found = memory.vocabulary.correct(fold(text));
        if (!found) return [];
        const { word, term, df, parts } = found.word;
        return [{ text, word, term, df, similarity: found.similarity, parts: parts.map((part) => ({ term: part, df: memory.df(part) })) }];
      });
    const schema = this.trigram.schema;
    if (!schema) return [];
    return this.transactions.manager.query(
      `SELECT q.text, c.word, c.term, c.df, c.similarity,
              coalesce((SELECT jsonb_agg(jsonb_build_object('term', part, 'df', coalesce(ps.df, 0)))
                        FROM unnest(c.parts) AS part LEFT JOIN search_term_stat ps ON ps.term = part), '[]'::jsonb) AS parts
       FROM unnest($1::text[]) AS q(text),
       LATERAL (SELECT word, term, df, parts, ${schema}.similarity(folded, search_fold(q.text)) AS similarity FROM search_word
                WHERE folded OPERATOR(${schema}.%) search_fold(q.text) AND df > 0
                ORDER BY similarity DESC, df DESC, word LIMIT 1) AS c
       WHERE c.similarity >= $2`,
      [texts, FUZZY.similarity],
    );
  }

  /**
   * Per service and query group the best alternative's weight (so synonyms do not add up),
   * summed over groups, scaled by the share of groups matched; the name coverage breaks ties.
   */
  async rank(terms: QueryTerm[], groups: number, index: IndexState, filter: ScoreFilter, limit: number, boosts: ScoreBoosts): Promise<Ranked> {
    if (terms.length === 0) return { hits: [], total: 0 };
    const memory = this.cache.current(index.generation);
    if (memory) return memory.score(terms, groups, filter, limit, boosts);
    const services = await this.scoreInSql(terms, groups, index.documents, filter, limit, boosts);
    return {
      hits: services.map((service) => ({ serviceId: service.serviceId, nameTerms: 0, score: service.score })),
      total: services[0]?.total ?? 0,
      services,
    };
  }

  /** The ranked hits with their names and texts, in the order the SQL ranking gives (the name breaks exact ties). */
  async withTexts(ranked: Ranked): Promise<ScoredService[]> {
    if (ranked.services) return ranked.services;
    const { hits, total } = ranked;
    if (hits.length === 0) return [];
    const rows: ServiceRow[] = await this.transactions.manager.query(
      `SELECT s.id AS service_id, s.source_id, s.leika_key, s.name, s.plain_text, 1 + cardinality(s.synonyms) + cardinality(s.keywords) AS head_lines
       FROM service s WHERE s.id = ANY($1::uuid[])`,
      [hits.map((hit) => hit.serviceId)],
    );
    const byId = new Map(rows.map((row) => [row.service_id, row]));
    return hits
      .filter((hit) => byId.has(hit.serviceId)) // removed since the index was loaded
      .map((hit) => ({ hit, row: byId.get(hit.serviceId)! }))
      .sort((a, b) => b.hit.score - a.hit.score || a.hit.nameTerms - b.hit.nameTerms || a.row.name.localeCompare(b.row.name))
      .map(({ hit, row }) => ({ ...mapRow(row), score: hit.score, total }));
  }

  /**
   * The same ranking in one statement, while this instance has not loaded the current index generation.
   * Candidates come from the rarer terms; a term in more than COMMON_SHARE of the services only adds
   * to their scores (looked up per candidate), so "beantragen" never scans thousands of postings.
   * With nothing but common terms, every term makes candidates.
   */
  private async scoreInSql(
    terms: QueryTerm[],
    groups: number,
    documents: number,
    filter: ScoreFilter,
    limit: number,
    boosts: ScoreBoosts,
  ): Promise<ScoredService[]> {
    const rareFlags = candidateFlags(terms, documents);
    const rows: (ServiceRow & { score: number; total: string })[] = await this.transactions.manager.query(
      `WITH q AS (SELECT * FROM unnest($1::text[], $2::int[], $3::real[], $12::boolean[]) AS q(term, grp, weight, rare)),
         rare AS (SELECT p.service_id, q.grp, p.tfn, p.fields, q.weight FROM q JOIN search_posting p ON p.term = q.term WHERE q.rare),
         candidate AS (SELECT DISTINCT service_id FROM rare),
         common AS (SELECT p.service_id, q.grp, p.tfn, p.fields, q.weight FROM candidate c CROSS JOIN q
                    JOIN search_posting p ON p.term = q.term AND p.service_id = c.service_id WHERE NOT q.rare),
         g AS (
           SELECT x.service_id, x.grp, bool_or(x.fields & 1 <> 0) AS in_name,
                  max(x.weight * (x.tfn + CASE WHEN x.fields & 1 <> 0 THEN $4::real ELSE 0 END + CASE WHEN x.fields & 2 <> 0 THEN $5::real ELSE 0 END)) AS score
           FROM (SELECT * FROM rare UNION ALL SELECT * FROM common) AS x GROUP BY x.service_id, x.grp),
         d AS (SELECT service_id, sum(score) AS score, count(*) AS groups, count(*) FILTER (WHERE in_name) AS name_groups FROM g GROUP BY service_id),
         ranked AS (
           SELECT d.service_id, d.score * sqrt(d.groups::real / $6) + $7::real * least(1, d.name_groups::real / greatest(doc.name_terms, 1)) AS score,
                  doc.name_terms, count(*) OVER () AS total
           FROM d JOIN search_document doc USING (service_id)
           WHERE ($8::boolean IS NOT TRUE OR doc.online)
             AND ($9::text IS NULL OR EXISTS (SELECT 1 FROM responsibility r WHERE r.service_id = d.service_id
                                              AND ($10::text LIKE r.region_prefix || '%' OR r.region_prefix LIKE $9 || '%')))
           ORDER BY score DESC, doc.name_terms, d.service_id LIMIT $11)
         SELECT r.service_id, s.source_id, s.leika_key, s.name, s.plain_text, 1 + cardinality(s.synonyms) + cardinality(s.keywords) AS head_lines, r.score, r.total
         FROM ranked r JOIN service s ON s.id = r.service_id ORDER BY r.score DESC, r.name_terms, s.name`,
      [
        terms.map((t) => t.term),
        terms.map((t) => t.group),
        terms.map((t) => t.weight),
        boosts.name,
        boosts.keyword,
        groups,
        boosts.coverage,
        filter.online ?? null,
        filter.regionPrefix ?? null,
        filter.ars ?? null,
        limit,
        rareFlags,
      ],
    );
    return rows.map((row) => ({ ...mapRow(row), score: Number(row.score), total: Number(row.total) }));
  }

  /** The catalogue words of the given terms, to highlight them in snippets. */
  async wordsOf(terms: string[], index: IndexState): Promise<string[]> {
    if (terms.length === 0) return [];
    const memory = this.cache.current(index.generation);
    if (memory) return memory.vocabulary.wordsOf(terms, HIGHLIGHTED_WORDS);
    const rows: { word: string }[] = await this.transactions.manager.query(
      `SELECT word FROM search_word WHERE term = ANY($1::text[]) LIMIT ${HIGHLIGHTED_WORDS}`,
      [terms],
    );
    return rows.map((row) => row.word);
  }
}

function mapRow(row: ServiceRow): Omit<ScoredService, 'score' | 'total'> {
  return {
    serviceId: row.service_id,
    sourceId: row.source_id,
    leikaKey: row.leika_key,
    name: row.name,
    plainText: row.plain_text,
    headLines: row.head_lines,
  };
}
