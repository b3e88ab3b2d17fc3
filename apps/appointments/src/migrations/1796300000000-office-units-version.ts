import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * `office.units_version`: raised in the statement that changes an office's booked
 * units (reserve, confirm, preconfirm, cancel, rebook), so an instance may keep the
 * booked units it read and check with one key lookup that they are still current.
 */
export class OfficeUnitsVersion1796300000000 implements MigrationInterface {
  name = 'OfficeUnitsVersion1796300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${migrationSchema(runner)}.office ADD COLUMN units_version bigint NOT NULL DEFAULT 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${migrationSchema(runner)}.office DROP COLUMN units_version`);
  }
}
