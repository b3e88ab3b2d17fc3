import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/** Calls, the external ids they are known by, wrap-ups, and the service-level aggregates kept on call end. */
export class CreateCalls1796195779781 implements MigrationInterface {
  name = 'CreateCalls1796195779781';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`
      CREATE TABLE ${s}.call (
        id uuid PRIMARY KEY,
        pbx text NOT NULL,
        external_call_id text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
        caller_number text,
        caller_withheld boolean NOT NULL DEFAULT false,
        caller_pseudonym text,
        called_number text,
        queue text,
        agent text,
        agent_id text,
        offered_at timestamptz NOT NULL,
        queued_at timestamptz,
        ringing_at timestamptz,
        answered_at timestamptz,
        transferred_at timestamptz,
        ended_at timestamptz,
        outcome text CHECK (outcome IN ('answered', 'abandoned', 'busy', 'no-answer', 'rejected', 'failed')),
        transferred boolean NOT NULL DEFAULT false,
        forwarded boolean NOT NULL DEFAULT false,
        cause text,
        last_signal_at timestamptz NOT NULL,
        wrap_up_outcome text,
        wrapped_up_at timestamptz,
        wrapped_up_by text,
        case_linked boolean NOT NULL DEFAULT false,
        number_cleared_at timestamptz
      )`);
    await runner.query(`CREATE INDEX call_live_idx ON ${s}.call (last_signal_at) WHERE ended_at IS NULL`);
    await runner.query(`CREATE INDEX call_recent_idx ON ${s}.call (offered_at DESC)`);
    await runner.query(`CREATE INDEX call_number_idx ON ${s}.call (ended_at) WHERE caller_number IS NOT NULL`);
    await runner.query(`
      CREATE TABLE ${s}.call_key (
        pbx text NOT NULL,
        external_call_id text NOT NULL,
        call_id uuid NOT NULL REFERENCES ${s}.call (id),
        PRIMARY KEY (pbx, external_call_id)
      )`);
    await runner.query(`CREATE INDEX call_key_call_idx ON ${s}.call_key (call_id)`);
    // One row per queue and 15-minute interval (of the offer), inbound calls within service hours only.
    await runner.query(`
      CREATE TABLE ${s}.service_level_interval (
        queue text NOT NULL,
        interval_start timestamptz NOT NULL,
        offered int NOT NULL DEFAULT 0,
        answered int NOT NULL DEFAULT 0,
        answered_in_threshold int NOT NULL DEFAULT 0,
        abandoned int NOT NULL DEFAULT 0,
        abandoned_wait_ms bigint NOT NULL DEFAULT 0,
        short_abandoned int NOT NULL DEFAULT 0,
        unanswered_other int NOT NULL DEFAULT 0,
        answered_wait_ms bigint NOT NULL DEFAULT 0,
        talk_ms bigint NOT NULL DEFAULT 0,
        wrapped_up int NOT NULL DEFAULT 0,
        resolved int NOT NULL DEFAULT 0,
        PRIMARY KEY (queue, interval_start)
      )`);
    await runner.query(`CREATE INDEX service_level_interval_time_idx ON ${s}.service_level_interval (interval_start)`);
    // Waits of answered calls to the whole second, for percentiles over any range.
    await runner.query(`
      CREATE TABLE ${s}.service_level_wait (
        queue text NOT NULL,
        interval_start timestamptz NOT NULL,
        wait_s int NOT NULL,
        calls int NOT NULL,
        PRIMARY KEY (queue, interval_start, wait_s)
      )`);
    await runner.query(`CREATE INDEX service_level_wait_time_idx ON ${s}.service_level_wait (interval_start)`);
    await runner.query(`
      CREATE TABLE ${s}.number_clearing (
        id uuid PRIMARY KEY,
        ran_at timestamptz NOT NULL,
        cleared int NOT NULL,
        retention_days int NOT NULL,
        actor text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    for (const table of ['number_clearing', 'service_level_wait', 'service_level_interval', 'call_key', 'call']) {
      await runner.query(`DROP TABLE IF EXISTS ${s}.${table}`);
    }
  }
}
