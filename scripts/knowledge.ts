import 'reflect-metadata';
import { join } from 'node:path';
import { ImportReport } from '@d115/contracts';
import { createServiceDataSource, provisionDatabase, runMigrations } from '@d115/database';
import { CatalogueImporter } from '../apps/knowledge/src/import/catalogue-importer';
import { migrations } from '../apps/knowledge/src/migrations';
import { resolvePostgres } from './launch/infrastructure';
import { launchSettings } from './launch/settings';
import { databaseLayout } from './provisioning';

const USAGE = 'usage: npm run knowledge -- import [--source=NAME] [--ars=ARS] [--batch=500] FILE...';
const root = join(__dirname, '..', '..');
const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm run knowledge -- import FILE...`: imports catalogue files (XZuFi 2.2,
 * DLDB services/locations JSON, d115 JSON; detected from the content) into the
 * database `npm start` uses: DATABASE_ADMIN_URL / DATABASE_URL, else the local
 * Postgres on 127.0.0.1:5432 (else the launcher's embedded one), database
 * D115_DATABASE (default d115), as the knowledge service's own role.
 */
async function main(): Promise<number> {
  process.env.LOG_LEVEL ??= 'warn'; // the report is the output; the import's info log would repeat it
  const [command, ...rest] = process.argv.slice(2);
  const options = Object.fromEntries(rest.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=') as [string, string]));
  const files = rest.filter((a) => !a.startsWith('--'));
  if (command !== 'import' || files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const target = await knowledgeDatabase();
  const dataSource = createServiceDataSource({ url: target.url, schema: target.schema, applicationName: 'knowledge-import', entities: [], migrations });
  await dataSource.initialize();
  let failed = false;
  try {
    await runMigrations(dataSource);
    const importer = new CatalogueImporter(dataSource, target.schema);
    for (const file of files) {
      const report = await importer.importFile(file, {
        source: options.source,
        ars: options.ars,
        batchSize: options.batch ? Number(options.batch) : undefined,
      });
      if ('error' in report) {
        failed = true;
        out(`${file}: ${report.error}`);
      } else print(report);
    }
  } finally {
    await dataSource.destroy();
  }
  return failed ? 1 : 0;
}

/**
 * Inside a knowledge container DATABASE_URL is the knowledge role's own URL: use it as it is.
 * Anywhere else it (or DATABASE_ADMIN_URL, or the discovered local Postgres) is an admin URL:
 * provision like `npm start` and connect as the knowledge role.
 */
async function knowledgeDatabase(): Promise<{ url: string; schema: string }> {
  const role = `${process.env.D115_ROLE_PREFIX ?? 'd115_'}knowledge`;
  const own = process.env.DATABASE_URL;
  if (!process.env.DATABASE_ADMIN_URL && own && decodeURIComponent(new URL(own).username) === role) {
    return { url: own, schema: process.env.DATABASE_SCHEMA ?? 'knowledge' };
  }
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? (await resolvePostgres(launchSettings(process.env, [], root), (line) => out(`knowledge: ${line}`))).url;
  const layout = databaseLayout(process.env, adminUrl);
  await provisionDatabase(adminUrl, layout.database, Object.values(layout.services));
  return layout.services.knowledge;
}

function print(report: ImportReport): void {
  const { applied } = report;
  out(`${report.file}: ${report.format}, source "${report.source}", ${report.status}`);
  out(
    `  applied: ${applied.services} services, ${applied.organisationUnits} organisation units, ${applied.responsibilities} responsibilities; rejected: ${applied.rejected}`,
  );
  for (const rejected of report.rejected) {
    out(
      `  rejected ${rejected.kind}${rejected.sourceId ? ` ${rejected.sourceId}` : ''}${rejected.position ? ` (${rejected.position})` : ''}: ${rejected.reason}`,
    );
  }
  if (report.rejectedNotListed > 0) out(`  … and ${report.rejectedNotListed} more rejections (table knowledge.import_rejection, run ${report.runId})`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`knowledge: ${(error as Error)?.message ?? error}\n`);
    process.exit(1);
  },
);
