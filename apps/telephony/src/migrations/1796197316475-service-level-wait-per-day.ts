import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * Answered waits per queue and local day, beside the per-interval histogram: a month's
 * percentile reads ≈ 30 × 100 rows per queue instead of 3,000 × 100.
 */
export class ServiceLevelWaitPerDay1796197316475 implements MigrationInterface {
  name = 'ServiceLevelWaitPerDay1796197316475';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`
      CREATE TABLE ${s}.service_level_wait_day (
        queue text NOT NULL,
        day date NOT NULL,
        wait_s int NOT NULL,
        calls int NOT NULL,
        PRIMARY KEY (queue, day, wait_s)
      )`);
    await runner.query(`CREATE INDEX service_level_wait_day_day_idx ON ${s}.service_level_wait_day (day)`);
    await runner.query(`
      INSERT INTO ${s}.service_level_wait_day (queue, day, wait_s, calls)
      SELECT queue, (interval_start AT TIME ZONE 'Europe/Berlin')::date, wait_s, sum(calls) FROM ${s}.service_level_wait GROUP BY 1, 2, 3`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS ${migrationSchema(runner)}.service_level_wait_day`);
  }
}
