import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketChannel } from '@d115/contracts';
import { hydrate } from '@d115/database';
import { SlaClock } from './entities/sla-clock.entity';
import { SlaPolicy } from './entities/sla-policy.entity';

/** A clock that is due for a warning or a breach, with what the event reports. */
export interface DueClock {
  clock: SlaClock;
  number: string;
  queueId: string;
  ownerAgentId: string | null;
}

@Injectable()
export class SlaRepository {
  /** The most specific policy: queue and channel, then queue, then channel, then none (env default). */
  async policyFor(manager: EntityManager, queueId: string, channel: TicketChannel): Promise<SlaPolicy | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM sla_policy
       WHERE (queue_id = $1 OR queue_id IS NULL) AND (channel = $2 OR channel IS NULL)
       ORDER BY (queue_id IS NOT NULL) DESC, (channel IS NOT NULL) DESC LIMIT 1`,
      [queueId, channel],
    );
    return rows[0] ? hydrate(manager, SlaPolicy, rows[0]) : null;
  }

  findPolicy(manager: EntityManager, id: string): Promise<SlaPolicy | null> {
    return manager.findOne(SlaPolicy, { where: { id } });
  }

  listPolicies(manager: EntityManager): Promise<SlaPolicy[]> {
    return manager.find(SlaPolicy, { order: { name: 'ASC' } });
  }

  async savePolicy(manager: EntityManager, policy: SlaPolicy, exists: boolean): Promise<void> {
    if (exists) await manager.update(SlaPolicy, { id: policy.id }, policy);
    else await manager.insert(SlaPolicy, policy);
  }

  async insertClocks(manager: EntityManager, clocks: SlaClock[]): Promise<void> {
    await manager.insert(SlaClock, clocks);
  }

  clocksFor(manager: EntityManager, ticketId: string): Promise<SlaClock[]> {
    return manager.find(SlaClock, { where: { ticketId }, order: { metric: 'ASC' } });
  }

  /** The case's clocks, locked (the deadline check skips them meanwhile). */
  async lockClocks(manager: EntityManager, ticketId: string): Promise<SlaClock[]> {
    const rows: Record<string, unknown>[] = await manager.query('SELECT * FROM sla_clock WHERE ticket_id = $1 ORDER BY metric FOR UPDATE', [ticketId]);
    return rows.map((row) => hydrate(manager, SlaClock, row));
  }

  async saveClock(manager: EntityManager, clock: SlaClock): Promise<void> {
    const { ticketId, metric, ...rest } = clock;
    await manager.update(SlaClock, { ticketId, metric }, rest);
  }

  /**
   * Running clocks whose warning or deadline has come and was not reported yet,
   * claimed with SKIP LOCKED so that several instances never report one twice.
   */
  async claimDue(manager: EntityManager, now: Date, limit: number): Promise<DueClock[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT c.*, t.number AS t_number, t.queue_id AS t_queue_id, t.owner_agent_id AS t_owner_agent_id
       FROM sla_clock c JOIN ticket t ON t.id = c.ticket_id
       WHERE c.status = 'running'
         AND ((c.warned_at IS NULL AND c.warn_at <= $1) OR (c.breached_at IS NULL AND c.due_at <= $1))
       ORDER BY least(c.warn_at, c.due_at)
       LIMIT $2
       FOR UPDATE OF c SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({
      clock: hydrate(manager, SlaClock, row),
      number: row.t_number as string,
      queueId: row.t_queue_id as string,
      ownerAgentId: (row.t_owner_agent_id as string | null) ?? null,
    }));
  }
}
