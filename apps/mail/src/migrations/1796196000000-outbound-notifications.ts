import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * Notifications other services ask for (the appointments service's confirmations):
 * a fourth outbound kind, and files that travel with the mail itself
 * (`inline_attachments`, base64 in jsonb) rather than as stored inbound attachments.
 */
export class OutboundNotifications1796196000000 implements MigrationInterface {
  name = 'OutboundNotifications1796196000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`ALTER TABLE ${s}.outbound_message DROP CONSTRAINT outbound_message_kind_check`);
    await runner.query(
      `ALTER TABLE ${s}.outbound_message ADD CONSTRAINT outbound_message_kind_check CHECK (kind IN ('acknowledgment', 'reply', 'forward', 'notification'))`,
    );
    await runner.query(`ALTER TABLE ${s}.outbound_message ADD COLUMN inline_attachments jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`ALTER TABLE ${s}.outbound_message DROP COLUMN inline_attachments`);
    await runner.query(`ALTER TABLE ${s}.outbound_message DROP CONSTRAINT outbound_message_kind_check`);
    await runner.query(`ALTER TABLE ${s}.outbound_message ADD CONSTRAINT outbound_message_kind_check CHECK (kind IN ('acknowledgment', 'reply', 'forward'))`);
  }
}
