import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/**
 * The moment a call's number stops being needed, as SQL over one call `c`: null while a related
 * case is open; else the latest of the call's end, the close of its related cases and — while the
 * case a wrap-up asked for has not been reported by the tickets service — the wrap-up.
 */
const NEEDED_UNTIL = `
  CASE WHEN EXISTS (SELECT 1 FROM call_case cc JOIN related_case rc ON rc.ticket_id = cc.ticket_id WHERE cc.call_id = c.id AND rc.closed_at IS NULL)
       THEN NULL
       ELSE GREATEST(
         c.ended_at,
         (SELECT max(rc.closed_at) FROM call_case cc JOIN related_case rc ON rc.ticket_id = cc.ticket_id WHERE cc.call_id = c.id),
         CASE WHEN c.case_linked AND NOT EXISTS (SELECT 1 FROM call_case cc WHERE cc.call_id = c.id AND cc.linked_by = 'wrap-up') THEN c.wrapped_up_at END)
  END`;

/** Caller numbers past their retention, and the audit of each clearing run. */
@Injectable()
export class PrivacyRepository {
  /** Clears up to `limit` numbers no longer needed since before `before`; returns how many. */
  async clearNumbers(manager: EntityManager, before: Date, at: Date, limit: number): Promise<number> {
    const [row]: { cleared: string }[] = await manager.query(
      `WITH cleared AS (
         UPDATE call SET caller_number = NULL, number_cleared_at = $2
          WHERE id IN (SELECT c.id FROM call c WHERE c.caller_number IS NOT NULL AND c.ended_at < $1 AND (${NEEDED_UNTIL}) < $1
                        ORDER BY c.ended_at LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id)
       SELECT count(*) AS cleared FROM cleared`,
      [before, at, limit],
    );
    return Number(row.cleared);
  }

  /** Forgets the state of cases closed before `before` that no call is related to (telephony heard of every case). */
  async forgetClosedCases(manager: EntityManager, before: Date): Promise<void> {
    await manager.query('DELETE FROM related_case rc WHERE rc.closed_at < $1 AND NOT EXISTS (SELECT 1 FROM call_case cc WHERE cc.ticket_id = rc.ticket_id)', [
      before,
    ]);
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
