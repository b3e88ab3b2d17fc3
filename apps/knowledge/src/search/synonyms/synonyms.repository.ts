import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SynonymKind, SynonymView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { queryWords } from '../domain/words';
import { EXTRA_STOP_WORDS, ShippedSynonym } from './shipped-synonyms';

interface SynonymRow {
  phrase: string;
  expansions: string[];
  kind: SynonymKind;
  origin: 'shipped' | 'edited';
  updated_by: string | null;
  updated_at: Date;
}

/**
 * The synonym table and what the search derives from it: for each phrase its key
 * (the terms of its words, as a query's words become terms) and the terms its
 * expansions add. Every edit is audited with its actor, in the same transaction.
 */
@Injectable()
export class SynonymsRepository {
  constructor(private readonly transactions: Transactions) {}

  async list(contains?: string): Promise<SynonymView[]> {
    const rows: SynonymRow[] = await this.transactions.manager.query(
      `SELECT * FROM search_synonym WHERE $1::text IS NULL OR strpos(phrase, lower($1)) > 0 ORDER BY phrase LIMIT 5000`,
      [contains ?? null],
    );
    return rows.map(toView);
  }

  /** The key the search would look the phrase up by: the terms of its words; empty when all are stop words. */
  async keyOf(phrase: string): Promise<string> {
    return (await this.keys(this.transactions.manager, [phrase])).get(phrase) ?? '';
  }

  upsert(entry: ShippedSynonym, actor: string): Promise<SynonymView> {
    return this.transactions.run(async (manager) => {
      const [row]: SynonymRow[] = await manager.query(
        `INSERT INTO search_synonym (phrase, expansions, kind, origin, updated_by, updated_at) VALUES ($1, $2, $3, 'edited', $4, now())
         ON CONFLICT (phrase) DO UPDATE SET expansions = excluded.expansions, kind = excluded.kind, origin = 'edited', updated_by = excluded.updated_by, updated_at = now()
         RETURNING *`,
        [entry.phrase, entry.expansions, entry.kind, actor],
      );
      await manager.query(`INSERT INTO search_synonym_audit (phrase, action, expansions, kind, actor) VALUES ($1, 'upsert', $2, $3, $4)`, [
        entry.phrase,
        entry.expansions,
        entry.kind,
        actor,
      ]);
      await this.derive(manager, [entry]);
      return toView(row);
    });
  }

  delete(phrase: string, actor: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      // DELETE through TypeORM's postgres driver answers [rows, affected]
      const [, affected]: [unknown[], number] = await manager.query(`DELETE FROM search_synonym WHERE phrase = $1`, [phrase]);
      if (affected > 0) await manager.query(`INSERT INTO search_synonym_audit (phrase, action, actor) VALUES ($1, 'delete', $2)`, [phrase, actor]);
      return affected > 0;
    });
  }

  /**
   * The shipped lines, once per version of the data file: phrases already in the table (edited or
   * shipped before) are left alone, and a shipped line an editor deleted does not come back.
   */
  seedShipped(entries: ShippedSynonym[], version: number): Promise<number> {
    return this.transactions.run(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('d115:knowledge:synonyms'))`);
      const [seeded] = await manager.query(`SELECT (value->>'version')::int AS version FROM search_meta WHERE key = 'shipped-synonyms'`);
      if ((seeded?.version ?? 0) >= version) return 0;
      const inserted: { phrase: string }[] = await manager.query(
        `INSERT INTO search_synonym (phrase, expansions, kind, origin)
         SELECT e.phrase, e.expansions, e.kind, 'shipped' FROM jsonb_to_recordset($1::jsonb) AS e(phrase text, expansions text[], kind text)
         WHERE NOT EXISTS (SELECT 1 FROM search_synonym_audit a WHERE a.phrase = e.phrase AND a.action = 'delete')
         ON CONFLICT (phrase) DO NOTHING RETURNING phrase`,
        [JSON.stringify(entries)],
      );
      const added = new Set(inserted.map((row) => row.phrase));
      await this.derive(
        manager,
        entries.filter((entry) => added.has(entry.phrase)),
      );
      await manager.query(`INSERT INTO search_meta (key, value) VALUES ('shipped-synonyms', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
        JSON.stringify({ version }),
      ]);
      return added.size;
    });
  }

  /** search_expansion rows of the given lines: key = the terms of the phrase, one row per expansion term. */
  private async derive(manager: EntityManager, entries: ShippedSynonym[]): Promise<void> {
    if (entries.length === 0) return;
    const termsOf = await this.keys(
      manager,
      entries.flatMap((entry) => [entry.phrase, ...entry.expansions]),
    );
    const expansions = entries.flatMap((entry) => {
      const key = termsOf.get(entry.phrase);
      if (!key) return [];
      const added = new Set(entry.expansions.flatMap((expansion) => termsOf.get(expansion)?.split(' ') ?? []).filter((term) => term && term !== key));
      return [...added].map((term) => ({ key, phrase: entry.phrase, term, weight: 1 }));
    });
    await manager.query(`DELETE FROM search_expansion WHERE phrase = ANY($1::text[])`, [entries.map((entry) => entry.phrase)]);
    for (let i = 0; i < expansions.length; i += 5000)
      await manager.query(
        `INSERT INTO search_expansion (key, phrase, term, weight) SELECT key, phrase, term, weight FROM jsonb_to_recordset($1::jsonb) AS e(key text, phrase text, term text, weight real)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(expansions.slice(i, i + 5000))],
      );
  }

  /** Each text → the terms of its words (as a query's words become terms), joined by a space. */
  private async keys(manager: EntityManager, texts: string[]): Promise<Map<string, string>> {
    const contentWords = (text: string) =>
      queryWords(text)
        .map((word) => word.text)
        .filter((word) => !EXTRA_STOP_WORDS.has(word));
    const words = [...new Set(texts.flatMap(contentWords))];
    const rows: { text: string; term: string | null }[] = await manager.query(`SELECT text, search_term(text) AS term FROM unnest($1::text[]) AS text`, [
      words,
    ]);
    const termOf = new Map(rows.map((row) => [row.text, row.term]));
    return new Map(
      texts.map((text) => [
        text,
        contentWords(text)
          .flatMap((word) => (termOf.get(word) ? [termOf.get(word)!] : []))
          .join(' '),
      ]),
    );
  }
}

function toView(row: SynonymRow): SynonymView {
  return {
    phrase: row.phrase,
    expansions: row.expansions,
    kind: row.kind,
    origin: row.origin,
    ...(row.updated_by ? { updatedBy: row.updated_by } : {}),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
