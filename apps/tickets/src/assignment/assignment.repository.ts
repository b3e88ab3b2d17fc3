import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketChannel } from '@d115/contracts';
import { hydrate } from '@d115/database';
import { Agent } from '../agents/entities/agent.entity';
import { Ticket } from '../cases/entities/ticket.entity';
import { channelsWithRoom } from './domain/capacity';
import { AssignedKnownUpFront, MEETS_REQUIRED, NOT_DECLINED, prepared, takeNextStatement } from './assignment.sql';
import { Reservation, ReservationStatus } from './entities/reservation.entity';

export interface CaseChoice {
  channels: TicketChannel[];
  /** Offers declined after this instant still keep the case from the agent; undefined: ignore declines (take next). */
  declinedSince?: Date;
  /** Wait for a case another transaction holds instead of skipping it. */
  wait?: boolean;
}

/**
 * The SQL of assignment. Correctness under concurrency rests here: cases and
 * agents are claimed with `FOR UPDATE SKIP LOCKED`, load only grows by a
 * conditional UPDATE that re-checks capacity on the locked row, and a unique
 * index allows one pending reservation per case. Lock order: case, then
 * reservation, then agent — except where the second lock skips instead of waiting.
 */
@Injectable()
export class AssignmentRepository {
  async lockAgent(manager: EntityManager, id: string, options: { skipLocked: boolean }): Promise<Agent | null> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT * FROM agent WHERE id = $1 FOR UPDATE${options.skipLocked ? ' SKIP LOCKED' : ''}`, [
      id,
    ]);
    return rows[0] ? hydrate(manager, Agent, rows[0]) : null;
  }

  /**
   * The best waiting case the agent may serve in the given channels: per eligible
   * queue the highest priority, then the longest waiting (one index probe each),
   * best of those. Claimed rows another transaction holds are skipped.
   */
  async claimBestCase(manager: EntityManager, agent: Agent, choice: CaseChoice): Promise<(Ticket & { reservationTimeoutSeconds: number }) | null> {
    const { channels } = choice;
    if (channels.length === 0 || agent.eligibleQueues.length === 0) return null;
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT c.*, q.reservation_timeout_seconds AS q_timeout
       FROM unnest($1::text[]) AS e(queue_id)
       CROSS JOIN unnest($2::text[]) AS ch(channel)
       CROSS JOIN LATERAL (
         SELECT t.* FROM ticket t
         WHERE t.routing_status = 'queued' AND t.queue_id = e.queue_id AND t.channel = ch.channel
           AND ${MEETS_REQUIRED('t.required_skills', '$3::jsonb')}
           AND ($5::timestamptz IS NULL OR ${NOT_DECLINED('t.id', '$4', '$5::timestamptz')})
         ORDER BY t.priority DESC, t.queued_at, t.id
         LIMIT 1
         FOR UPDATE OF t${choice.wait ? '' : ' SKIP LOCKED'}
       ) c
       JOIN queue q ON q.id = c.queue_id
       ORDER BY c.priority DESC, c.queued_at, c.id
       LIMIT 1`,
      [agent.eligibleQueues, channels, JSON.stringify(agent.skills), agent.id, choice.declinedSince ?? null],
    );
    if (!rows[0]) return null;
    return Object.assign(hydrate(manager, Ticket, rows[0]), { reservationTimeoutSeconds: Number(rows[0].q_timeout) });
  }

  /**
   * "Take next" as ONE autocommit statement (see `takeNextStatement`) that also
   * writes the `ticket.assigned` event into the outbox, its envelope and the data
   * known up front drafted by the caller: one round trip per decision. `contended`
   * when candidates existed but others held them all (the caller then uses
   * `takeNextLocking`). `session`: a connection outside any transaction (`Transactions.session`).
   */
  async takeNext(
    session: EntityManager,
    agentId: string,
    actor: string,
    at: Date,
    event: { id: string; subject: string; envelope: object; data: AssignedKnownUpFront },
  ): Promise<{ ticket: Ticket | null; contended: boolean }> {
    const rows = await prepared(session, 'd115_tickets_take_next', takeNextStatement(), [
      agentId,
      at,
      actor,
      event.id,
      event.subject,
      JSON.stringify(event.envelope),
      JSON.stringify(event.data),
    ]);
    return this.takeNextResult(session, rows);
  }

  private takeNextResult(manager: EntityManager, rows: Record<string, unknown>[]): { ticket: Ticket | null; contended: boolean } {
    const row = rows[0];
    if (!row?.id) return { ticket: null, contended: Number(row?.d115_candidates ?? 0) > 0 };
    return { ticket: hydrate(manager, Ticket, row), contended: false };
  }

  /**
   * The same as `takeNext`, probing each pair with SKIP LOCKED: finds a case whenever one is free.
   * With `wait`, it waits for a case another transaction holds only for a moment (a dispatcher
   * looking for an agent for it) instead of passing it by.
   */
  async takeNextLocking(manager: EntityManager, agent: Agent, at: Date, options: { wait?: boolean } = {}): Promise<Ticket | null> {
    const ticket = await this.claimBestCase(manager, agent, { channels: channelsWithRoom(agent.capacity, agent.load), wait: options.wait });
    if (!ticket || !(await this.takeLoad(manager, agent.id, ticket.channel, at))) return null;
    return this.route(manager, ticket.id, { status: 'assigned', ownerAgentId: agent.id, queuedAt: null, clearEscalation: true }, at);
  }

  async agentExists(manager: EntityManager, agentId: string): Promise<boolean> {
    return (await manager.query('SELECT 1 FROM agent WHERE id = $1', [agentId])).length > 0;
  }

  /** The agent who waited longest among the available ones with room who may serve the case. */
  async claimBestAgent(manager: EntityManager, ticket: Ticket, declinedSince: Date): Promise<Agent | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT a.* FROM agent a
       WHERE a.presence = 'available' AND a.eligible_queues @> ARRAY[$1]::text[]
         AND coalesce((a.load ->> $2)::int, 0) < coalesce((a.capacity ->> $2)::int, 0)
         AND ${MEETS_REQUIRED('$3::jsonb', 'a.skills')}
         AND ${NOT_DECLINED('$4::uuid', 'a.id', '$5::timestamptz')}
       ORDER BY a.last_assigned_at NULLS FIRST, a.id
       LIMIT 1
       FOR UPDATE OF a SKIP LOCKED`,
      [ticket.queueId, ticket.channel, JSON.stringify(ticket.requiredSkills), ticket.id, declinedSince],
    );
    return rows[0] ? hydrate(manager, Agent, rows[0]) : null;
  }

  /**
   * One more case for the agent in a channel — only if capacity allows, checked
   * on the locked, current row. `requirePresent` refuses offline agents.
   */
  async takeLoad(manager: EntityManager, agentId: string, channel: TicketChannel, at: Date, options: { requirePresent?: boolean } = {}): Promise<boolean> {
    const [rows] = await manager.query(
      `UPDATE agent SET load = jsonb_set(load, ARRAY[$2::text], to_jsonb(coalesce((load ->> $2)::int, 0) + 1)), last_assigned_at = $3
       WHERE id = $1 AND coalesce((load ->> $2)::int, 0) < coalesce((capacity ->> $2)::int, 0)
         ${options.requirePresent ? "AND presence <> 'offline'" : ''}
       RETURNING id`,
      [agentId, channel, at],
    );
    return rows.length === 1;
  }

  async releaseLoad(manager: EntityManager, agentId: string, channel: TicketChannel): Promise<void> {
    await manager.query(`UPDATE agent SET load = jsonb_set(load, ARRAY[$2::text], to_jsonb(greatest(0, coalesce((load ->> $2)::int, 0) - 1))) WHERE id = $1`, [
      agentId,
      channel,
    ]);
  }

  async markDispatchChecked(manager: EntityManager, agentId: string, at: Date): Promise<void> {
    await manager.query('UPDATE agent SET dispatch_checked_at = $2 WHERE id = $1', [agentId, at]);
  }

  /** Sets the case's routing columns (and bumps its version); returns the case as it is now. */
  async route(
    manager: EntityManager,
    ticketId: string,
    routing: { status: Ticket['routingStatus']; ownerAgentId?: string | null; queuedAt?: Date | null; clearEscalation?: boolean },
    at: Date,
  ): Promise<Ticket> {
    const sets = ['routing_status = $2', 'updated_at = $3', 'version = version + 1'];
    const values: unknown[] = [ticketId, routing.status, at];
    if (routing.ownerAgentId !== undefined) sets.push(`owner_agent_id = $${values.push(routing.ownerAgentId)}`);
    if (routing.queuedAt !== undefined) sets.push(`queued_at = $${values.push(routing.queuedAt)}`);
    if (routing.clearEscalation) sets.push('escalate_at = NULL');
    const [rows] = await manager.query(`UPDATE ticket SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, values);
    return hydrate(manager, Ticket, rows[0]);
  }

  async insertReservation(manager: EntityManager, reservation: Reservation): Promise<void> {
    await manager.insert(Reservation, reservation);
  }

  findReservation(manager: EntityManager, id: string): Promise<Reservation | null> {
    return manager.findOne(Reservation, { where: { id } });
  }

  lockReservation(manager: EntityManager, id: string): Promise<Reservation | null> {
    return manager.findOne(Reservation, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async decide(manager: EntityManager, id: string, status: ReservationStatus, at: Date, reason?: string): Promise<void> {
    await manager.update(Reservation, { id }, { status, decidedAt: at, reason: reason ?? null });
  }

  /** Cancels the case's open offer, if any; returns it. */
  async cancelPending(manager: EntityManager, ticketId: string, at: Date, reason: string): Promise<Reservation | null> {
    const [rows] = await manager.query(
      `UPDATE reservation SET status = 'cancelled', decided_at = $2, reason = $3 WHERE ticket_id = $1 AND status = 'pending' RETURNING *`,
      [ticketId, at, reason],
    );
    return rows[0] ? hydrate(manager, Reservation, rows[0]) : null;
  }

  pendingOf(manager: EntityManager, agentId: string): Promise<Reservation[]> {
    return manager.find(Reservation, { where: { agentId, status: 'pending' }, order: { createdAt: 'ASC' } });
  }

  async dueReservations(manager: EntityManager, now: Date, limit: number): Promise<Reservation[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM reservation WHERE status = 'pending' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => hydrate(manager, Reservation, row));
  }

  async anyWaiting(manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ticket WHERE routing_status = 'queued' LIMIT 1`);
    return rows.length > 0;
  }

  /** Available agents with room, least recently looked at first. */
  async agentsWithRoom(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM agent
       WHERE presence = 'available' AND cardinality(eligible_queues) > 0
         AND EXISTS (SELECT 1 FROM jsonb_each_text(capacity) c WHERE c.value::int > coalesce((load ->> c.key)::int, 0))
       ORDER BY dispatch_checked_at NULLS FIRST, id
       LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** Waiting cases whose escalation step is due, claimed (SKIP LOCKED). */
  async claimDueEscalations(manager: EntityManager, now: Date, limit: number): Promise<Ticket[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT * FROM ticket WHERE routing_status = 'queued' AND escalate_at <= $1 ORDER BY escalate_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => hydrate(manager, Ticket, row));
  }
}
