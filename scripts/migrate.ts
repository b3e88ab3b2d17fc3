import 'reflect-metadata';
import { STATEFUL_SERVICES } from '@d115/contracts';
import { createServiceDataSource, provisionDatabase, runMigrations } from '@d115/database';
import { migrations as appointments } from '../apps/appointments/src/migrations';
import { migrations as knowledge } from '../apps/knowledge/src/migrations';
import { migrations as mail } from '../apps/mail/src/migrations';
import { migrations as telephony } from '../apps/telephony/src/migrations';
import { migrations as tickets } from '../apps/tickets/src/migrations';
import { databaseLayout } from './provisioning';

const MIGRATIONS = { telephony, mail, tickets, knowledge, appointments };

/**
 * `npm run migrate`: creates the database, the per-service roles and schemas
 * (with DATABASE_ADMIN_URL, a role that may create roles), then applies every
 * service's pending migrations as that service's own role.
 */
async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const layout = databaseLayout(process.env, adminUrl);
  await provisionDatabase(adminUrl, layout.database, Object.values(layout.services));
  for (const service of STATEFUL_SERVICES) {
    const target = layout.services[service];
    const dataSource = createServiceDataSource({
      url: target.url,
      schema: target.schema,
      applicationName: `${service}-migrate`,
      entities: [],
      migrations: MIGRATIONS[service],
    });
    await dataSource.initialize();
    try {
      const applied = await runMigrations(dataSource);
      process.stdout.write(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`);
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error) => {
  process.stderr.write(`migrate failed: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
