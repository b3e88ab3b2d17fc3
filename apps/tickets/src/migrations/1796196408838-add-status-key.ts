import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/** The hash of each case's citizen status key (cases opened before have none: no status look-up). */
export class AddStatusKey1796196408838 implements MigrationInterface {
  name = 'AddStatusKey1796196408838';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${migrationSchema(runner)}.ticket ADD COLUMN status_key_hash text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${migrationSchema(runner)}.ticket DROP COLUMN status_key_hash`);
  }
}
