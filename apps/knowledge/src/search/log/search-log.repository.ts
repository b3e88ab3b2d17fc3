import { Injectable } from '@nestjs/common';
import { UnansweredQuery } from '@d115/contracts';
import { Transactions } from '@d115/database';

export interface SearchLogEntry {
  id: string;
  at: Date;
  /** Already scrubbed of personal data. */
  query: string;
  ars?: string;
  online?: boolean;
  total: number;
  hits: string[];
}

/** The search log: what was asked (scrubbed), what was found, which hit the agent chose. */
@Injectable()
export class SearchLogRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * With asynchronous commit (set for this statement's own transaction): the search waits for the
   * insert, not for the WAL flush — a crash of Postgres may lose the last fraction of a second of
   * log lines, which changes no state anyone relies on. (A flush costs 2–7 ms on a busy disk.)
   */
  async write(entry: SearchLogEntry): Promise<void> {
    await this.transactions.manager.query(
      `WITH async AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO search_log (id, at, query, ars, online, total, hits) SELECT $1::uuid, $2::timestamptz, $3::text, $4::text, $5::boolean, $6::int, $7::uuid[] FROM async`,
      [entry.id, entry.at, entry.query, entry.ars ?? null, entry.online ?? null, entry.total, entry.hits],
    );
  }

  /** false when there is no such search (or it has passed retention). */
  async feedback(searchId: string, serviceId: string | null, helpful: boolean | null, at: Date): Promise<boolean> {
    // UPDATE/DELETE through TypeORM's postgres driver answer [rows, affected]
    const [, affected]: [unknown[], number] = await this.transactions.manager.query(
      `UPDATE search_log SET chosen_service_id = coalesce($2, chosen_service_id), helpful = coalesce($3, helpful), feedback_at = $4 WHERE id = $1`,
      [searchId, serviceId, helpful, at],
    );
    return affected > 0;
  }

  async serviceExists(serviceId: string): Promise<boolean> {
    const rows: unknown[] = await this.transactions.manager.query(`SELECT 1 FROM service WHERE id = $1`, [serviceId]);
    return rows.length > 0;
  }

  /** Queries with no hits, or with hits none of which was chosen (or judged helpful), most frequent first. */
  async unanswered(from: Date, to: Date, limit: number): Promise<UnansweredQuery[]> {
    const rows: { query: string; searches: number; without_hits: number; without_choice: number; last_at: Date }[] = await this.transactions.manager.query(
      `SELECT query, count(*)::int AS searches,
              count(*) FILTER (WHERE total = 0)::int AS without_hits,
              count(*) FILTER (WHERE total > 0 AND (chosen_service_id IS NULL OR helpful IS FALSE))::int AS without_choice,
              max(at) AS last_at
       FROM search_log WHERE at >= $1 AND at < $2
       GROUP BY query
       HAVING count(*) FILTER (WHERE total = 0 OR chosen_service_id IS NULL OR helpful IS FALSE) > 0
       ORDER BY count(*) FILTER (WHERE total = 0 OR chosen_service_id IS NULL OR helpful IS FALSE) DESC, max(at) DESC
       LIMIT $3`,
      [from, to, limit],
    );
    return rows.map((row) => ({
      query: row.query,
      searches: row.searches,
      withoutHits: row.without_hits,
      withoutChoice: row.without_choice,
      lastAt: new Date(row.last_at).toISOString(),
    }));
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    const [, affected]: [unknown[], number] = await this.transactions.manager.query(`DELETE FROM search_log WHERE at < $1`, [cutoff]);
    return affected;
  }
}
