import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * Hangups that arrived before anything else of their call (a redelivered `newCall` behind its
 * `hangup`): kept until the call's first signals arrive and end it, or the reaper's timeout.
 */
export class EarlyEnds1796200100000 implements MigrationInterface {
  name = 'EarlyEnds1796200100000';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`
      CREATE TABLE ${s}.early_end (
        pbx text NOT NULL,
        external_call_id text NOT NULL,
        at timestamptz NOT NULL,
        outcome text,
        cause text,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (pbx, external_call_id)
      )`);
    await runner.query(`CREATE INDEX early_end_received_idx ON ${s}.early_end (received_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS ${migrationSchema(runner)}.early_end`);
  }
}
