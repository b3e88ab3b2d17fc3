import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/** SLA policies and clocks; the audit of anonymisation runs. */
export class CreateSlaAndPrivacy1764400000002 implements MigrationInterface {
  name = 'CreateSlaAndPrivacy1764400000002';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`
      CREATE TABLE ${s}.sla_policy (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        queue_id text REFERENCES ${s}.queue (id),
        channel text,
        first_response_minutes int NOT NULL CHECK (first_response_minutes > 0),
        resolution_minutes int NOT NULL CHECK (resolution_minutes > 0),
        warning_share numeric NOT NULL CHECK (warning_share > 0 AND warning_share < 1),
        pause_in_pending_authority boolean NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX sla_policy_scope_idx ON ${s}.sla_policy (coalesce(queue_id, ''), coalesce(channel, ''))`);
    await runner.query(`
      CREATE TABLE ${s}.sla_clock (
        ticket_id uuid NOT NULL REFERENCES ${s}.ticket (id),
        metric text NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        policy_id uuid,
        target_minutes numeric NOT NULL,
        warning_share numeric NOT NULL,
        pause_in_pending_authority boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'paused', 'stopped')),
        consumed_minutes numeric NOT NULL DEFAULT 0,
        running_since timestamptz,
        warn_at timestamptz,
        due_at timestamptz,
        warned_at timestamptz,
        breached_at timestamptz,
        started_at timestamptz NOT NULL,
        met_at timestamptz,
        PRIMARY KEY (ticket_id, metric)
      )`);
    await runner.query(`CREATE INDEX sla_clock_warn_idx ON ${s}.sla_clock (warn_at) WHERE status = 'running' AND warned_at IS NULL`);
    await runner.query(`CREATE INDEX sla_clock_due_idx ON ${s}.sla_clock (due_at) WHERE status = 'running' AND breached_at IS NULL`);
    await runner.query(`CREATE INDEX sla_clock_met_idx ON ${s}.sla_clock (met_at) WHERE met_at IS NOT NULL`);
    await runner.query(`CREATE INDEX sla_clock_breached_idx ON ${s}.sla_clock (breached_at) WHERE breached_at IS NOT NULL`);
    await runner.query(`
      CREATE TABLE ${s}.privacy_run (
        id uuid PRIMARY KEY,
        actor text NOT NULL,
        cutoff timestamptz NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        anonymized int NOT NULL DEFAULT 0
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    for (const table of ['privacy_run', 'sla_clock', 'sla_policy']) await runner.query(`DROP TABLE ${s}.${table}`);
  }
}
