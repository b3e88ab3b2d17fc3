import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * The cases a call is related to (opened from it at wrap-up, or popped on the agent's screen)
 * and what telephony knows of each case's state, so that the caller's number is kept while a
 * related case is open and cleared a retention period after the last one closed.
 */
export class CaseLinks1796200000000 implements MigrationInterface {
  name = 'CaseLinks1796200000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    // Every case telephony heard of: closed_at null while open; version orders late events.
    await runner.query(`
      CREATE TABLE ${s}.related_case (
        ticket_id uuid PRIMARY KEY,
        closed_at timestamptz,
        version int NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${s}.call_case (
        call_id uuid NOT NULL REFERENCES ${s}.call (id),
        ticket_id uuid NOT NULL,
        linked_by text NOT NULL CHECK (linked_by IN ('wrap-up', 'screen-pop')),
        PRIMARY KEY (call_id, ticket_id)
      )`);
    await runner.query(`CREATE INDEX call_case_ticket_idx ON ${s}.call_case (ticket_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`DROP TABLE IF EXISTS ${s}.call_case`);
    await runner.query(`DROP TABLE IF EXISTS ${s}.related_case`);
  }
}
