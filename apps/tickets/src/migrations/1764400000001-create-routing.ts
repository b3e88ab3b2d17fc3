import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/** Agents, routing rules, reservations and authorities. */
export class CreateRouting1764400000001 implements MigrationInterface {
  name = 'CreateRouting1764400000001';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`
      CREATE TABLE ${s}.agent (
        id text PRIMARY KEY,
        name text NOT NULL,
        presence text NOT NULL CHECK (presence IN ('available', 'busy', 'away', 'offline')),
        skills jsonb NOT NULL DEFAULT '{}',
        capacity jsonb NOT NULL DEFAULT '{}',
        load jsonb NOT NULL DEFAULT '{}',
        queues text[] NOT NULL DEFAULT '{}',
        eligible_queues text[] NOT NULL DEFAULT '{}',
        last_assigned_at timestamptz,
        dispatch_checked_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX agent_available_idx ON ${s}.agent USING gin (eligible_queues) WHERE presence = 'available'`);
    await runner.query(`
      CREATE TABLE ${s}.routing_rule (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        position int NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        conditions jsonb NOT NULL DEFAULT '{}',
        queue_id text NOT NULL REFERENCES ${s}.queue (id),
        priority int NOT NULL DEFAULT 0,
        required_skills jsonb NOT NULL DEFAULT '{}',
        authority_id uuid,
        escalation jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX routing_rule_position_idx ON ${s}.routing_rule (position, created_at)`);
    await runner.query(`
      CREATE TABLE ${s}.reservation (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ${s}.ticket (id),
        agent_id text NOT NULL REFERENCES ${s}.agent (id),
        channel text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'expired', 'cancelled')),
        reason text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        decided_at timestamptz
      )`);
    // The database itself refuses a second open offer for one case.
    await runner.query(`CREATE UNIQUE INDEX reservation_one_pending_idx ON ${s}.reservation (ticket_id) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX reservation_agent_pending_idx ON ${s}.reservation (agent_id) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX reservation_due_idx ON ${s}.reservation (expires_at) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX reservation_ticket_agent_idx ON ${s}.reservation (ticket_id, agent_id)`);
    await runner.query(`
      CREATE TABLE ${s}.authority (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL,
        ars text CHECK (ars ~ '^[0-9]{12}$'),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    for (const table of ['authority', 'reservation', 'routing_rule', 'agent']) await runner.query(`DROP TABLE ${s}.${table}`);
  }
}
