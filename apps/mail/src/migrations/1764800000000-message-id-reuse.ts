import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * Deduplication by Message-ID *and* content: the raw row remembers the stable
 * content hash (NULL for rows stored before: those still count as the same
 * mail), and a message that reuses another mail's Message-ID with different
 * content is stored and flagged. Additive only.
 */
export class MessageIdReuse1764800000000 implements MigrationInterface {
  readonly name = 'MessageIdReuse1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.inbound_message ADD COLUMN content_hash text`);
    await queryRunner.query(`ALTER TABLE ${s}.message ADD COLUMN message_id_reused boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.message DROP COLUMN message_id_reused`);
    await queryRunner.query(`ALTER TABLE ${s}.inbound_message DROP COLUMN content_hash`);
  }
}
