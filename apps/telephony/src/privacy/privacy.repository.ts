import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/** Caller numbers past their retention, and the audit of each clearing run. */
@Injectable()
export class PrivacyRepository {
  /** Clears up to `limit` numbers of calls ended before `before`; returns how many. */
  async clearNumbers(manager: EntityManager, before: Date, at: Date, limit: number): Promise<number> {
    const [row]: { cleared: string }[] = await manager.query(
      `WITH cleared AS (
         UPDATE call SET caller_number = NULL, number_cleared_at = $2
          WHERE id IN (SELECT id FROM call WHERE caller_number IS NOT NULL AND ended_at < $1 ORDER BY ended_at LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id)
       SELECT count(*) AS cleared FROM cleared`,
      [before, at, limit],
    );
    return Number(row.cleared);
  }

  async audit(manager: EntityManager, run: { at: Date; cleared: number; retentionDays: number; actor: string }): Promise<void> {
    await manager.query('INSERT INTO number_clearing (id, ran_at, cleared, retention_days, actor) VALUES ($1, $2, $3, $4, $5)', [
      uuidv7(),
      run.at,
      run.cleared,
      run.retentionDays,
      run.actor,
    ]);
  }
}
