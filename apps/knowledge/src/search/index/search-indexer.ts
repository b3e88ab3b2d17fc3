import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transactions } from '@d115/database';
import { childLogger } from '@d115/observability';
import { splitCompound } from '../domain/compounds';
import { BM25, FIELD, FIELD_WEIGHT } from './ranking';

export interface IndexRefresh {
  /** Services (re)indexed. */
  services: number;
  /** Services in the index. */
  documents: number;
  /** Distinct catalogue words. */
  words: number;
  milliseconds: number;
}

/**
 * Keeps the search's derived structures current with the catalogue: the
 * vocabulary (every word with its folded form, its term — the German snowball
 * stem, folded — and its compound parts), one posting per service and term with
 * the BM25 term-frequency part precomputed, the term statistics (document
 * frequency, for rarity weights) and the documents' lengths.
 *
 * Incremental: a service is reindexed when it is new or changed since it was
 * indexed (`updated_at`); removed services leave with their rows (cascade).
 * Document frequencies are recomputed each time (and the average length checked),
 * so the weights follow whatever catalogue is loaded. One refresh at a time (an
 * advisory lock), in one transaction: a search sees the old index or the new.
 */
@Injectable()
export class SearchIndexer {
  private readonly logger = childLogger('search-index');

  constructor(private readonly transactions: Transactions) {}

  /**
   * `imported`: called after an import run, which may have changed responsibilities without
   * changing a service — the index generation is raised then too, so the instances reload.
   */
  refresh(options: { full?: boolean; imported?: boolean } = {}): Promise<IndexRefresh> {
    const started = Date.now();
    return this.transactions.run(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('d115:knowledge:search-index'))`);
      const steps: Record<string, number> = {};
      const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
        const begun = Date.now();
        const result = await work();
        steps[name] = Date.now() - begun;
        return result;
      };
      const stale = await step('collect', () => this.collectStale(manager, options.full === true));
      const newWords = stale > 0 ? await step('vocabulary', () => this.extendVocabulary(manager)) : 0;
      if (newWords > 0 || options.full) await step('compounds', () => this.splitCompounds(manager));
      if (stale > 0) await step('postings', () => this.writePostings(manager));
      const changed = stale > 0 || options.imported === true || options.full === true;
      const { documents, words } = await step('statistics', () => this.updateStatistics(manager, stale, changed));
      const refresh = { services: stale, documents, words, milliseconds: Date.now() - started };
      if (stale > 0) this.logger.info({ ...refresh, steps }, 'search index refreshed');
      return refresh;
    });
  }

  /** Services new or changed since they were indexed, with their words per field. */
  private async collectStale(manager: EntityManager, full: boolean): Promise<number> {
    await manager.query(
      `
      CREATE TEMP TABLE search_stale ON COMMIT DROP AS
      SELECT s.id, s.updated_at FROM service s LEFT JOIN search_document d ON d.service_id = s.id
      WHERE $1 OR d.indexed_at IS DISTINCT FROM s.updated_at`,
      [full],
    );
    await manager.query(`ANALYZE search_stale`); // temporary tables are never analysed on their own
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM search_stale`);
    if (n === 0) return 0;
    // plain_text holds name, synonyms and keywords as well: field 4 is the whole text.
    await manager.query(`
      CREATE TEMP TABLE search_occurrence ON COMMIT DROP AS
      SELECT s.id AS service_id, f.field, replace(t.lexeme, '-', '') AS word, sum(cardinality(t.positions))::real AS tf
      FROM service s JOIN search_stale st ON st.id = s.id,
      LATERAL (VALUES (${FIELD.name}, s.name), (${FIELD.keywords}, array_to_string(s.synonyms || s.keywords, ' ')), (${FIELD.text}, s.plain_text)) AS f(field, text),
      LATERAL unnest(to_tsvector('simple', lower(f.text))) AS t
      WHERE t.lexeme ~ '^[[:alpha:]][[:alpha:]-]*[[:alpha:]]$' AND length(t.lexeme) <= 60
      GROUP BY 1, 2, 3`);
    await manager.query(`ANALYZE search_occurrence`);
    return n;
  }

  /** New words get their folded form and term; stop words (no term) stay out. */
  private async extendVocabulary(manager: EntityManager): Promise<number> {
    const inserted: { word: string }[] = await manager.query(`
      INSERT INTO search_word (word, folded, term)
      SELECT word, search_fold(word), search_term(word)
      FROM (SELECT DISTINCT word FROM search_occurrence) AS o
      WHERE NOT EXISTS (SELECT 1 FROM search_word w WHERE w.word = o.word) AND search_term(word) IS NOT NULL
      ON CONFLICT DO NOTHING
      RETURNING word`);
    return inserted.length;
  }

  /**
   * Splits every long word of the vocabulary into known words or stems. A new
   * word can make older ones splittable, so all are looked at (in memory: a few
   * hundred thousand set look-ups) and only changed splits are written.
   */
  private async splitCompounds(manager: EntityManager): Promise<void> {
    const rows: { word: string; folded: string; term: string; parts: string[] }[] = await manager.query(`SELECT word, folded, term, parts FROM search_word`);
    const known = new Map<string, string>();
    for (const row of rows) {
      if (row.term.length >= 4) known.set(row.term, row.term);
      known.set(row.folded, row.term);
    }
    const vocabulary = { termOf: (piece: string) => known.get(piece) };
    const changed: { word: string; parts: string[] }[] = [];
    for (const row of rows) {
      const parts = row.folded.length >= 7 ? (splitCompound(row.folded, vocabulary)?.filter((part) => part !== row.term) ?? []) : [];
      if (parts.join(' ') !== row.parts.join(' ')) changed.push({ word: row.word, parts });
    }
    for (let i = 0; i < changed.length; i += 5000)
      await manager.query(`UPDATE search_word w SET parts = u.parts FROM jsonb_to_recordset($1::jsonb) AS u(word text, parts text[]) WHERE w.word = u.word`, [
        JSON.stringify(changed.slice(i, i + 5000)),
      ]);
  }

  /**
   * Postings of the stale services: field-weighted frequencies of their terms and compound parts,
   * with the saturated form computed on the way in (document lengths first, then the average).
   * When the average moved by more than a tenth since the other postings were written (or on a
   * full refresh), theirs are recomputed too.
   */
  private async writePostings(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM search_posting WHERE service_id IN (SELECT id FROM search_stale)`);
    await manager.query(`
      INSERT INTO search_document (service_id, length, name_terms, online, indexed_at)
      SELECT st.id, coalesce(len.length, 0), coalesce(nt.terms, 0), s.online_services <> '[]'::jsonb, st.updated_at
      FROM search_stale st JOIN service s ON s.id = st.id
      LEFT JOIN (SELECT service_id, sum(tf) AS length FROM search_occurrence WHERE field = ${FIELD.text} GROUP BY service_id) AS len ON len.service_id = st.id
      LEFT JOIN (SELECT o.service_id, count(DISTINCT w.term) AS terms FROM search_occurrence o JOIN search_word w USING (word)
                 WHERE o.field = ${FIELD.name} GROUP BY o.service_id) AS nt ON nt.service_id = st.id
      ON CONFLICT (service_id) DO UPDATE SET length = excluded.length, name_terms = excluded.name_terms, online = excluded.online, indexed_at = excluded.indexed_at`);
    const average = await this.averageLength(manager);
    const weight = `CASE o.field WHEN ${FIELD.name} THEN ${FIELD_WEIGHT.name} WHEN ${FIELD.keywords} THEN ${FIELD_WEIGHT.keywords} ELSE ${FIELD_WEIGHT.text} END`;
    await manager.query(
      `INSERT INTO search_posting (term, service_id, tf, tfn, fields)
       SELECT x.term, x.service_id, x.tf, ${SATURATED('x.tf', 'd.length', '$1')}, x.fields
       FROM (
         SELECT term, service_id, sum(tf) AS tf, bit_or(fields) AS fields FROM (
           SELECT w.term, o.service_id, o.tf * ${weight} AS tf, o.field AS fields
           FROM search_occurrence o JOIN search_word w USING (word)
           UNION ALL
           SELECT part, o.service_id, o.tf * ${weight} * ${BM25.partWeight}, ${FIELD.part}
           FROM search_occurrence o JOIN search_word w USING (word), unnest(w.parts) AS part
         ) AS weighted GROUP BY term, service_id
       ) AS x JOIN search_document d ON d.service_id = x.service_id`,
      [average.current],
    );
    if (average.drifted)
      await manager.query(
        `UPDATE search_posting p SET tfn = ${SATURATED('p.tf', 'd.length', '$1')} FROM search_document d
         WHERE d.service_id = p.service_id AND p.service_id NOT IN (SELECT id FROM search_stale)`,
        [average.current],
      );
  }

  /** The average document length the postings use: kept until the real one moved by more than a tenth. */
  private async averageLength(manager: EntityManager): Promise<{ current: number; drifted: boolean }> {
    const [{ average }] = await manager.query(`SELECT coalesce(avg(length), 1)::real AS average FROM search_document`);
    const [previous] = await manager.query(`SELECT value FROM search_meta WHERE key = 'stats'`);
    const used = (previous?.value?.average as number | undefined) ?? 0;
    const real = Math.max(Number(average), 1);
    if (used > 0 && Math.abs(real - used) / used <= 0.1) return { current: used, drifted: false };
    await manager.query(
      `INSERT INTO search_meta (key, value) VALUES ('stats', $1) ON CONFLICT (key) DO UPDATE SET value = search_meta.value || excluded.value`,
      [JSON.stringify({ documents: previous?.value?.documents ?? 0, average: real })],
    );
    return { current: real, drifted: used > 0 };
  }

  /**
   * Document frequencies of every term, the number of documents, the index generation (raised when
   * something changed: the instances' in-memory copies reload), and fresh planner statistics after
   * large changes.
   */
  private async updateStatistics(manager: EntityManager, stale: number, changed: boolean): Promise<{ documents: number; words: number }> {
    const [{ documents }] = await manager.query(`SELECT count(*)::int AS documents FROM search_document`);
    if (stale > 0) {
      await manager.query(`TRUNCATE search_term_stat`);
      await manager.query(`INSERT INTO search_term_stat (term, df) SELECT term, count(*) FROM search_posting GROUP BY term`);
      await manager.query(`UPDATE search_word w SET df = st.df FROM search_term_stat st WHERE st.term = w.term AND w.df <> st.df`);
      await manager.query(`UPDATE search_word w SET df = 0 WHERE w.df <> 0 AND NOT EXISTS (SELECT 1 FROM search_term_stat st WHERE st.term = w.term)`);
    }
    const [previous] = await manager.query(`SELECT value FROM search_meta WHERE key = 'stats'`);
    await manager.query(`INSERT INTO search_meta (key, value) VALUES ('stats', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
      JSON.stringify({ average: previous?.value?.average ?? 1, documents, generation: Number(previous?.value?.generation ?? 0) + (changed ? 1 : 0) }),
    ]);
    // After a large refresh the planner must know the new sizes before the next search (autovacuum comes later).
    if (stale > 1000 || stale > documents / 10)
      for (const table of ['search_posting', 'search_word', 'search_term_stat', 'search_document']) await manager.query(`ANALYZE ${table}`);
    const [{ words }] = await manager.query(`SELECT count(*)::int AS words FROM search_word`);
    return { documents, words };
  }
}

/** BM25's saturated, length-normalised term frequency as SQL. */
function SATURATED(tf: string, length: string, average: string): string {
  return `${tf} * ${BM25.k1 + 1} / (${tf} + ${BM25.k1} * (1 - ${BM25.b} + ${BM25.b} * ${length} / ${average}))`;
}
