import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transactions } from '@d115/database';
import { childLogger } from '@d115/observability';
import { IndexDocument, MemoryIndex, PostingList } from './memory-index';
import { MemoryVocabulary, VocabularyWord } from './memory-vocabulary';

/** Postings read per round trip while loading (keyset pages of the primary key). */
const PAGE = 100_000;

/**
 * The search index of this instance in memory. Every search reads the index
 * generation from `search_meta` (in the round trip it makes anyway); the indexer
 * raises it with every refresh that changed something. When the loaded generation
 * is the current one, the search scores in memory; otherwise it scores in SQL
 * (always exact) while this loads the new generation in the background — so an
 * import through any instance or the command is seen by every instance at its
 * next search, without a message between them.
 */
@Injectable()
export class SearchIndexCache {
  private readonly logger = childLogger('search-index');
  private loaded?: MemoryIndex;
  private loading?: Promise<MemoryIndex | undefined>;

  /** Off: every search scores in SQL (a comparison in the tests). */
  enabled = true;

  constructor(private readonly transactions: Transactions) {}

  /** The generation held in memory, if any. */
  get generation(): number | undefined {
    return this.loaded?.generation;
  }

  /** The index of `generation` when it is loaded; starts loading it otherwise. */
  current(generation: number): MemoryIndex | undefined {
    if (!this.enabled) return undefined;
    if (this.loaded?.generation === generation) return this.loaded;
    if (!this.loading) void this.load();
    return undefined;
  }

  /** Loads the current generation (one load at a time; a caller during a load waits for it). */
  load(): Promise<MemoryIndex | undefined> {
    this.loading ??= this.read()
      .then((index) => {
        this.loaded = index;
        return index;
      })
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'search index not loaded into memory; searches score in SQL');
        return undefined;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** One consistent snapshot (REPEATABLE READ): the generation, the documents with their regions, every posting, the vocabulary. */
  private read(): Promise<MemoryIndex> {
    const started = Date.now();
    return this.transactions.session(async (manager) => {
      await manager.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const index = await this.readSnapshot(manager);
        await manager.query('COMMIT');
        this.logger.info({ generation: index.generation, documents: index.size, milliseconds: Date.now() - started }, 'search index loaded into memory');
        return index;
      } catch (error) {
        await manager.query('ROLLBACK');
        throw error;
      }
    });
  }

  private async readSnapshot(manager: EntityManager): Promise<MemoryIndex> {
    const [meta] = await manager.query(`SELECT coalesce((value->>'generation')::int, 0) AS generation FROM search_meta WHERE key = 'stats'`);
    const rows: { service_id: string; name_terms: number; online: boolean; regions: string[] }[] = await manager.query(
      `SELECT d.service_id, d.name_terms, d.online,
              coalesce((SELECT array_agg(DISTINCT r.region_prefix) FROM responsibility r WHERE r.service_id = d.service_id), '{}') AS regions
       FROM search_document d ORDER BY d.service_id`,
    );
    const documents: IndexDocument[] = rows.map((row) => ({ serviceId: row.service_id, nameTerms: row.name_terms, online: row.online, regions: row.regions }));
    const numberOf = new Map(documents.map((document, i) => [document.serviceId, i]));
    const postings = new Map<string, PostingList>();
    let term: string | undefined;
    let docs: number[] = [];
    let tfn: number[] = [];
    let fields: number[] = [];
    const close = () => {
      if (term !== undefined) postings.set(term, { docs: Int32Array.from(docs), tfn: Float32Array.from(tfn), fields: Uint8Array.from(fields) });
      docs = [];
      tfn = [];
      fields = [];
    };
    let after: [string, string] | undefined;
    for (;;) {
      const page: { term: string; service_id: string; tfn: number; fields: number }[] = await manager.query(
        `SELECT term, service_id, tfn, fields FROM search_posting
         WHERE $1::text IS NULL OR (term, service_id) > ($1::text, $2::uuid) ORDER BY term, service_id LIMIT ${PAGE}`,
        [after?.[0] ?? null, after?.[1] ?? null],
      );
      for (const row of page) {
        if (row.term !== term) {
          close();
          term = row.term;
        }
        const doc = numberOf.get(row.service_id);
        if (doc === undefined) continue; // a posting without its document cannot be scored (never written so)
        docs.push(doc);
        tfn.push(row.tfn);
        fields.push(row.fields);
      }
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      after = [last.term, last.service_id];
    }
    close();
    const words: VocabularyWord[] = await manager.query(`SELECT word, folded, term, df, parts FROM search_word WHERE df > 0`);
    return new MemoryIndex((meta?.generation as number | undefined) ?? 0, documents, postings, new MemoryVocabulary(words));
  }
}
