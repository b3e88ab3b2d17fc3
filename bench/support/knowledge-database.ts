import { randomBytes } from 'node:crypto';
import { createServiceDataSource, dropDatabase, provisionDatabase, runMigrations, withCredentials, withDatabase } from '@d115/database';
import { DataSource } from 'typeorm';
import { migrations } from '../../apps/knowledge/src/migrations';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** A private database with the knowledge schema migrated, dropped afterwards. */
export async function withKnowledgeDatabase(phase: string, work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const adminUrl = process.env.D115_TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `d115_bench_knowledge_${phase}_${randomBytes(4).toString('hex')}`;
  const role = 'd115_bench_knowledge';
  const password = randomBytes(12).toString('hex');
  await provisionDatabase(adminUrl, database, [{ schema: 'knowledge', role, password }]);
  const dataSource = createServiceDataSource({
    url: withCredentials(withDatabase(adminUrl, database), role, password),
    schema: 'knowledge',
    applicationName: `bench-knowledge-${phase}`,
    entities: [],
    migrations,
  });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (process.env.D115_BENCH_KEEP_DATABASE) out(`${phase}: database ${database} kept`);
    else await dropDatabase(adminUrl, database);
  }
}
