import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SlaMetric, SlaWarningCase, TicketState } from '@d115/contracts';

export interface WaitingRow {
  queue: string;
  count: number;
  ticketId: string;
  number: string;
  queuedAt: Date;
}

export interface Period {
  from: Date;
  to: Date;
  queue?: string;
}

/**
 * Figures for supervisors: plain SQL over the service's own tables, counted by
 * the database, so they are right to the case.
 */
@Injectable()
export class FiguresRepository {
  async backlog(manager: EntityManager, queue?: string): Promise<{ queue: string; state: TicketState; count: number }[]> {
    return manager.query(
      `SELECT queue_id AS queue, state, count(*)::int AS count FROM ticket
       WHERE state <> 'closed' AND ($1::text IS NULL OR queue_id = $1)
       GROUP BY queue_id, state ORDER BY queue_id, state`,
      [queue ?? null],
    );
  }

  /** Per queue: cases waiting for an agent and the one waiting longest. */
  async waiting(manager: EntityManager, queue?: string): Promise<WaitingRow[]> {
    const rows: { queue: string; count: number; ticket_id: string; number: string; queued_at: Date }[] = await manager.query(
      `SELECT DISTINCT ON (queue_id) queue_id AS queue, count(*) OVER (PARTITION BY queue_id)::int AS count, id AS ticket_id, number, queued_at
       FROM ticket WHERE routing_status = 'queued' AND ($1::text IS NULL OR queue_id = $1)
       ORDER BY queue_id, queued_at, id`,
      [queue ?? null],
    );
    return rows.map((row) => ({ queue: row.queue, count: row.count, ticketId: row.ticket_id, number: row.number, queuedAt: row.queued_at }));
  }

  /** Running clocks past their warning and not yet breached (per queue filter), soonest due first, with the total. */
  async slaWarnings(manager: EntityManager, limit: number, queue?: string): Promise<{ count: number; cases: SlaWarningCase[] }> {
    const rows: { ticket_id: string; number: string; queue: string; metric: SlaMetric; due_at: Date; total: number }[] = await manager.query(
      `SELECT c.ticket_id, t.number, t.queue_id AS queue, c.metric, c.due_at, count(*) OVER ()::int AS total
       FROM sla_clock c JOIN ticket t ON t.id = c.ticket_id
       WHERE c.status = 'running' AND c.warned_at IS NOT NULL AND c.breached_at IS NULL AND t.state <> 'closed'
         AND ($1::text IS NULL OR t.queue_id = $1)
       ORDER BY c.due_at, c.ticket_id LIMIT $2`,
      [queue ?? null, limit],
    );
    return {
      count: rows[0]?.total ?? 0,
      cases: rows.map((row) => ({ ticketId: row.ticket_id, number: row.number, queue: row.queue, metric: row.metric, dueAt: row.due_at.toISOString() })),
    };
  }

  /**
   * Clocks that reached their outcome in the period: breached (breach in the
   * period) or met on time (met in the period, never breached). A first-response
   * clock of a case closed without any answer is not counted as met.
   */
  async slaOutcomes(manager: EntityManager, period: Period): Promise<{ metric: SlaMetric; on_time: number; breached: number }[]> {
    return manager.query(
      `SELECT c.metric,
              count(*) FILTER (WHERE c.breached_at IS NULL AND c.met_at >= $1 AND c.met_at < $2
                               AND (c.metric <> 'first_response' OR t.first_responded_at IS NOT NULL))::int AS on_time,
              count(*) FILTER (WHERE c.breached_at >= $1 AND c.breached_at < $2)::int AS breached
       FROM sla_clock c JOIN ticket t ON t.id = c.ticket_id
       WHERE ($3::text IS NULL OR t.queue_id = $3)
         AND ((c.met_at >= $1 AND c.met_at < $2) OR (c.breached_at >= $1 AND c.breached_at < $2))
       GROUP BY c.metric`,
      [period.from, period.to, period.queue ?? null],
    );
  }

  async breaches(
    manager: EntityManager,
    period: Period,
    limit: number,
  ): Promise<{ ticket_id: string; number: string; metric: SlaMetric; queue: string; breached_at: Date }[]> {
    return manager.query(
      `SELECT c.ticket_id, t.number, c.metric, t.queue_id AS queue, c.breached_at
       FROM sla_clock c JOIN ticket t ON t.id = c.ticket_id
       WHERE c.breached_at >= $1 AND c.breached_at < $2 AND ($3::text IS NULL OR t.queue_id = $3)
       ORDER BY c.breached_at, t.number, c.metric LIMIT $4`,
      [period.from, period.to, period.queue ?? null, limit],
    );
  }

  /** Business minutes used (pauses excluded) by clocks met in the period: count and average. */
  async handlingTimes(manager: EntityManager, period: Period): Promise<{ metric: SlaMetric; count: number; average_minutes: string | null }[]> {
    return manager.query(
      `SELECT c.metric, count(*)::int AS count, avg(c.consumed_minutes) AS average_minutes
       FROM sla_clock c JOIN ticket t ON t.id = c.ticket_id
       WHERE c.status = 'stopped' AND c.met_at >= $1 AND c.met_at < $2 AND ($3::text IS NULL OR t.queue_id = $3)
         AND (c.metric <> 'first_response' OR t.first_responded_at IS NOT NULL)
       GROUP BY c.metric`,
      [period.from, period.to, period.queue ?? null],
    );
  }

  async occupancy(manager: EntityManager, queue?: string): Promise<{ id: string; presence: string; load: number; capacity: number }[]> {
    return manager.query(
      `SELECT a.id, a.presence,
              (SELECT coalesce(sum(value::int), 0) FROM jsonb_each_text(a.load))::int AS load,
              (SELECT coalesce(sum(value::int), 0) FROM jsonb_each_text(a.capacity))::int AS capacity
       FROM agent a WHERE a.presence <> 'offline' AND ($1::text IS NULL OR $1 = ANY(a.queues))
       ORDER BY a.id`,
      [queue ?? null],
    );
  }
}
