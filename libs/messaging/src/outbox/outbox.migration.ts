import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events waiting to be published) and the inbox (events already
 * handled, per consumer) live in every service's own schema. Each service's
 * first migration calls this.
 */
export async function createOutboxAndInbox(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE ${schema}.outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      subject text NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
  await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON ${schema}.outbox (seq) WHERE published_at IS NULL`);
  await queryRunner.query(`CREATE INDEX outbox_published_at_idx ON ${schema}.outbox (published_at) WHERE published_at IS NOT NULL`);
  await queryRunner.query(`
    CREATE TABLE ${schema}.inbox (
      consumer text NOT NULL,
      event_id text NOT NULL,
      subject text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  await queryRunner.query(`CREATE INDEX inbox_handled_at_idx ON ${schema}.inbox (handled_at)`);
}

export async function dropOutboxAndInbox(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE ${schema}.inbox`);
  await queryRunner.query(`DROP TABLE ${schema}.outbox`);
}

/**
 * LISTEN channel on which service instances that are not the active relay
 * announce committed outbox rows (coalesced, outside their transactions).
 */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

/** A service's first migration: the outbox and inbox tables in its schema. */
export function messagingMigration(timestamp: number): new () => MigrationInterface {
  const name = `InitMessaging${timestamp}`;
  const migration = class implements MigrationInterface {
    readonly name = name;
    async up(queryRunner: QueryRunner): Promise<void> {
      await createOutboxAndInbox(queryRunner, schemaOfRunner(queryRunner));
    }
    async down(queryRunner: QueryRunner): Promise<void> {
      await dropOutboxAndInbox(queryRunner, schemaOfRunner(queryRunner));
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

function schemaOfRunner(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('migration needs a DataSource with a schema');
  return schema;
}
