import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type LinkedBy = 'wrap-up' | 'screen-pop';

/** Calls ↔ the cases related to them, and the state of those cases as the tickets service reported it. */
@Injectable()
export class CaseLinksRepository {
  /** Links a call to cases; a case first heard of here counts as open (version 0: any event of tickets is newer). */
  async link(manager: EntityManager, callId: string, ticketIds: string[], linkedBy: LinkedBy): Promise<void> {
    if (ticketIds.length === 0) return;
    await manager.query(`INSERT INTO related_case (ticket_id, closed_at, version) SELECT unnest($1::uuid[]), NULL, 0 ON CONFLICT DO NOTHING`, [ticketIds]);
    await manager.query(
      `INSERT INTO call_case (call_id, ticket_id, linked_by)
       SELECT $1::uuid, t.id, $3 FROM unnest($2::uuid[]) AS t(id) WHERE EXISTS (SELECT 1 FROM call WHERE id = $1::uuid)
       ON CONFLICT DO NOTHING`,
      [callId, ticketIds, linkedBy],
    );
  }

  /** Records a case's state at `version`; an older report than the one stored changes nothing. */
  async recordState(manager: EntityManager, ticketId: string, closedAt: Date | null, version: number): Promise<void> {
    await manager.query(
      `INSERT INTO related_case (ticket_id, closed_at, version) VALUES ($1::uuid, $2::timestamptz, $3::int)
       ON CONFLICT (ticket_id) DO UPDATE SET closed_at = EXCLUDED.closed_at, version = EXCLUDED.version
        WHERE related_case.version < EXCLUDED.version`,
      [ticketId, closedAt, version],
    );
  }
}
