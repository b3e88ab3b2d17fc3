import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export const REDACTED = '[anonymisiert]';
const LOCK = 'd115:tickets:anonymize';

/**
 * Anonymisation of closed cases: contact data and free text go, what the
 * figures need (channel, queue, keys, states, times, SLA clocks) stays.
 */
@Injectable()
export class PrivacyRepository {
  /** One run at a time across instances (session advisory lock on the session's connection). */
  async tryLock(session: EntityManager): Promise<boolean> {
    const [row] = await session.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK]);
    return row.locked === true;
  }

  /** Waits for a run in progress elsewhere to finish. */
  async lock(session: EntityManager): Promise<void> {
    await session.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK]);
  }

  async unlock(session: EntityManager): Promise<void> {
    await session.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK]);
  }

  async startRun(manager: EntityManager, run: { id: string; actor: string; cutoff: Date; at: Date }): Promise<void> {
    await manager.query('INSERT INTO privacy_run (id, actor, cutoff, started_at) VALUES ($1, $2, $3, $4)', [run.id, run.actor, run.cutoff, run.at]);
  }

  async finishRun(manager: EntityManager, id: string, anonymized: number, at: Date): Promise<void> {
    await manager.query('UPDATE privacy_run SET finished_at = $2, anonymized = $3 WHERE id = $1', [id, at, anonymized]);
  }

  /** Closed before the cutoff, not yet anonymised; claimed with SKIP LOCKED. */
  async claimDue(
    manager: EntityManager,
    cutoff: Date,
    limit: number,
  ): Promise<{ id: string; number: string; queue_id: string; priority: number; version: number }[]> {
    return manager.query(
      `SELECT id, number, queue_id, priority, version FROM ticket
       WHERE state = 'closed' AND anonymized_at IS NULL AND closed_at < $1
       ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [cutoff, limit],
    );
  }

  async anonymize(manager: EntityManager, ticketIds: string[], at: Date): Promise<void> {
    await manager.query(
      `UPDATE ticket SET citizen_name = NULL, citizen_email = NULL, citizen_phone = NULL, subject = $2,
              anonymized_at = $3, updated_at = $3, version = version + 1
       WHERE id = ANY($1)`,
      [ticketIds, REDACTED, at],
    );
    await manager.query(
      `UPDATE article SET body = $2, subject = NULL, from_address = NULL, to_addresses = NULL, rfc_message_id = NULL,
              attachment_ids = NULL, author = CASE WHEN author LIKE '%@%' THEN $2 ELSE author END
       WHERE ticket_id = ANY($1)`,
      [ticketIds, REDACTED],
    );
    await manager.query(`UPDATE audit_entry SET old_value = $2, new_value = $2 WHERE ticket_id = ANY($1) AND personal`, [ticketIds, REDACTED]);
  }
}
