import type { PoolClient } from 'pg';
import { EntityManager } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { eventAbout, TicketAssignedEvent } from '@d115/contracts';

/**
 * Runs a hot statement as a named prepared statement on the transaction's
 * connection, so Postgres plans it once per connection instead of per call
 * (planning the take-next statement costs more than running it).
 */
export async function prepared(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  const client = (await (manager.queryRunner as PostgresQueryRunner).connect()) as PoolClient;
  return (await client.query({ name, text, values })).rows;
}

/** An agent "meets" a case's skill requirement when every required skill is at or above its level. */
export const MEETS_REQUIRED = (required: string, skills: string) =>
  `(${required} = '{}'::jsonb OR NOT EXISTS (
     SELECT 1 FROM jsonb_each_text(${required}) r WHERE coalesce((${skills} ->> r.key)::int, 0) < r.value::int))`;

/** A case the agent turned down or let expire is not offered to them again before `since` has passed. */
export const NOT_DECLINED = (ticketId: string, agentId: string, since: string) =>
  `NOT EXISTS (SELECT 1 FROM reservation x WHERE x.ticket_id = ${ticketId} AND x.agent_id = ${agentId}
               AND x.status IN ('rejected', 'expired') AND x.decided_at > ${since})`;

/**
 * The fields of `ticket.assigned` that the take-next statement fills from the row it
 * claimed (`u`). Keys are checked against the contract class; whatever it leaves out
 * the caller must pass typed (`AssignedKnownUpFront`).
 */
const ASSIGNED_FROM_ROW = {
  ticketId: 'u.id',
  number: 'u.number',
  queue: 'u.queue_id',
} as const satisfies Partial<Record<keyof TicketAssignedEvent, string>>;

/** The rest of `ticket.assigned`, known before the statement runs ($7); the compiler asks for every field. */
export type AssignedKnownUpFront = Omit<TicketAssignedEvent, keyof typeof ASSIGNED_FROM_ROW>;

const ASSIGNED_ROW_FIELDS = Object.entries(ASSIGNED_FROM_ROW)
  .map(([field, column]) => `'${field}', ${column}`)
  .join(', ');

/**
 * "Take next" in one statement: lock the agent; find the best waiting case per
 * (eligible queue, channel with room) — one index probe each; lock the best of
 * them that nobody holds (SKIP LOCKED); take one unit of capacity; make the
 * agent the owner, write the history entry and insert the `ticket.assigned` event
 * ($4 id, $5 subject, $6 envelope without data, $7 the data known up front) into the outbox.
 * `d115_candidates` > 0 with no row: others held every candidate.
 */
export function takeNextStatement(): string {
  return `WITH a AS (
         SELECT id, skills, capacity, load, eligible_queues FROM agent WHERE id = $1 FOR UPDATE
       ), pairs AS (
         SELECT e.queue_id, ch.key AS channel, a.skills FROM a
         CROSS JOIN LATERAL unnest(a.eligible_queues) AS e(queue_id)
         CROSS JOIN LATERAL jsonb_each_text(a.capacity) AS ch
         WHERE ch.value::int > coalesce((a.load ->> ch.key)::int, 0)
       ), candidates AS (
         SELECT best.* FROM pairs p CROSS JOIN LATERAL (
           SELECT t.id, t.channel, t.priority, t.queued_at FROM ticket t
           WHERE t.routing_status = 'queued' AND t.queue_id = p.queue_id AND t.channel = p.channel
             AND ${MEETS_REQUIRED('t.required_skills', 'p.skills')}
           ORDER BY t.priority DESC, t.queued_at, t.id
           LIMIT 1
         ) best
         ORDER BY best.priority DESC, best.queued_at, best.id
         LIMIT 4
       ), c AS (
         SELECT t.id, t.channel FROM ticket t
         WHERE t.id IN (SELECT id FROM candidates) AND t.routing_status = 'queued'
         ORDER BY t.priority DESC, t.queued_at, t.id
         LIMIT 1
         FOR UPDATE OF t SKIP LOCKED
       ), l AS (
         UPDATE agent SET load = jsonb_set(agent.load, ARRAY[c.channel], to_jsonb(coalesce((agent.load ->> c.channel)::int, 0) + 1)), last_assigned_at = $2
         FROM c WHERE agent.id = $1 AND coalesce((agent.load ->> c.channel)::int, 0) < coalesce((agent.capacity ->> c.channel)::int, 0)
         RETURNING agent.id
       ), u AS (
         UPDATE ticket SET routing_status = 'assigned', owner_agent_id = $1, queued_at = NULL, escalate_at = NULL, updated_at = $2, version = version + 1
         FROM c, l WHERE ticket.id = c.id
         RETURNING ticket.*
       ), history AS (
         INSERT INTO audit_entry (ticket_id, subject_type, subject_id, actor, action, field, old_value, new_value, personal, at)
         SELECT u.id, 'ticket', u.id::text, $3, 'assigned', 'owner', NULL, $1, false, $2 FROM u
       ), event AS (
         INSERT INTO outbox (id, subject, envelope)
         SELECT $4::uuid, $5, $6::jsonb || jsonb_build_object(
           'subject', '${eventAbout('ticket', '')}' || u.id,
           'data', $7::jsonb || jsonb_build_object(${ASSIGNED_ROW_FIELDS}))
         FROM u
       )
       SELECT u.*, (SELECT count(*) FROM candidates)::int AS d115_candidates FROM (SELECT 1) one LEFT JOIN u ON true`;
}
