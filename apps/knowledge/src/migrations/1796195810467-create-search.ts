import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * The search's derived structures (rebuilt from the catalogue by the search
 * indexer), the synonym table with its audit trail, and the search log.
 * See docs/knowledge.md, "Search".
 */
export class CreateSearch1796195810467 implements MigrationInterface {
  name = 'CreateSearch1796195810467';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    // Umlaut folding after stemming: the snowball stemmer already maps ä ö ü to a o u and ß to ss;
    // folding its output (and the surface words) makes the transcriptions ae oe ue meet them.
    await runner.query(`
      CREATE FUNCTION ${s}.search_fold(word text) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql AS
      $$ SELECT replace(replace(replace(translate(replace(lower(word), 'ß', 'ss'), 'äöüéÄÖÜ', 'aoueaou'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u') $$`);
    // The term of a word: its German snowball stem, folded; NULL for a stop word.
    await runner.query(`
      CREATE FUNCTION ${s}.search_term(word text) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql AS
      $$ SELECT CASE WHEN stem IS NULL THEN ${s}.search_fold(word) WHEN cardinality(stem) = 0 THEN NULL ELSE ${s}.search_fold(stem[1]) END
         FROM (SELECT ts_lexize('german_stem', lower(word)) AS stem) AS lexized $$`);
    // The catalogue's vocabulary: every word of every service, with its term and compound parts.
    await runner.query(`
      CREATE TABLE ${s}.search_word (
        word text PRIMARY KEY,
        folded text NOT NULL,
        term text NOT NULL,
        parts text[] NOT NULL DEFAULT '{}',
        df int NOT NULL DEFAULT 0
      )`);
    await runner.query(`CREATE INDEX search_word_folded_idx ON ${s}.search_word (folded)`);
    await runner.query(`CREATE INDEX search_word_term_idx ON ${s}.search_word (term)`);
    await runner.query(`CREATE TABLE ${s}.search_term_stat (term text PRIMARY KEY, df int NOT NULL)`);
    // One row per service and term: the field-weighted term frequency, its BM25 saturated and
    // length-normalised form (times the term's idf at query time), and the fields it occurs in
    // (1 name, 2 synonyms/keywords, 4 text, 8 as a compound part).
    await runner.query(`
      CREATE TABLE ${s}.search_posting (
        term text NOT NULL,
        service_id uuid NOT NULL REFERENCES ${s}.service (id) ON DELETE CASCADE,
        tf real NOT NULL,
        tfn real NOT NULL,
        fields smallint NOT NULL,
        PRIMARY KEY (term, service_id)
      )`);
    await runner.query(`CREATE INDEX search_posting_service_idx ON ${s}.search_posting (service_id)`);
    await runner.query(`
      CREATE TABLE ${s}.search_document (
        service_id uuid PRIMARY KEY REFERENCES ${s}.service (id) ON DELETE CASCADE,
        length real NOT NULL,
        name_terms int NOT NULL,
        online boolean NOT NULL,
        indexed_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE TABLE ${s}.search_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    await runner.query(`
      CREATE TABLE ${s}.search_synonym (
        phrase text PRIMARY KEY,
        expansions text[] NOT NULL,
        kind text NOT NULL CHECK (kind IN ('synonym', 'abbreviation', 'situation')),
        origin text NOT NULL CHECK (origin IN ('shipped', 'edited')),
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Derived from search_synonym: the phrase's terms joined by a space → the terms it adds.
    await runner.query(`
      CREATE TABLE ${s}.search_expansion (
        key text NOT NULL,
        phrase text NOT NULL REFERENCES ${s}.search_synonym (phrase) ON DELETE CASCADE,
        term text NOT NULL,
        weight real NOT NULL,
        PRIMARY KEY (key, term, phrase)
      )`);
    await runner.query(`
      CREATE TABLE ${s}.search_synonym_audit (
        seq bigserial PRIMARY KEY,
        phrase text NOT NULL,
        action text NOT NULL CHECK (action IN ('upsert', 'delete')),
        expansions text[],
        kind text,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    // The search log holds no personal data: the query is scrubbed before it is written.
    await runner.query(`
      CREATE TABLE ${s}.search_log (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        query text NOT NULL,
        ars text,
        online boolean,
        total int NOT NULL,
        hits uuid[] NOT NULL,
        chosen_service_id uuid,
        helpful boolean,
        feedback_at timestamptz
      )`);
    await runner.query(`CREATE INDEX search_log_at_idx ON ${s}.search_log (at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    for (const table of [
      'search_log',
      'search_synonym_audit',
      'search_expansion',
      'search_synonym',
      'search_meta',
      'search_document',
      'search_posting',
      'search_term_stat',
      'search_word',
    ])
      await runner.query(`DROP TABLE ${s}.${table}`);
    await runner.query(`DROP FUNCTION ${s}.search_term(text)`);
    await runner.query(`DROP FUNCTION ${s}.search_fold(text)`);
  }
}
