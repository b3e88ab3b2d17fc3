import { DataSource, QueryRunner } from 'typeorm';
import { schemaOf } from './data-source';

/**
 * Runs pending migrations under an advisory lock, so that several instances
 * starting at once apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = schemaOf(dataSource);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`d115:migrate:${schema}`]);
    const existing = await runner.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (existing.length === 0) {
      await runner.query(`CREATE SCHEMA ${schema}`).catch((error) => {
        throw new Error(`schema "${schema}" does not exist and this role cannot create it: ${(error as Error).message}`);
      });
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`d115:migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/** The schema a migration's query runner works in. */
export function migrationSchema(queryRunner: QueryRunner): string {
  return schemaOf(queryRunner.connection);
}
