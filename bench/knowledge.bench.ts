import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceDataSource, dropDatabase, provisionDatabase, runMigrations, withCredentials, withDatabase } from '@d115/database';
import { CatalogueImporter } from '../apps/knowledge/src/import/catalogue-importer';
import { XZUFI_NAMESPACE } from '../apps/knowledge/src/import/formats/xzufi.format';
import { migrations } from '../apps/knowledge/src/migrations';
import { fixed } from './support/stats';

interface Options {
  /** Size of the generated XZuFi file. */
  megabytes: number;
  batch: number;
  keepFile: boolean;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm run bench -- knowledge [--mb=100] [--batch=500]`
 *
 * Phase `import`: generates an XZuFi 2.2 file of at least `--mb` MB (Leistungen
 * with six text modules in two languages, and every 50th record an
 * Organisationseinheit with 50 Zuständigkeiten) into a temporary file, imports
 * it through the same importer as `npm run knowledge -- import`, and prints
 * services/s and the peak RSS of this process while importing.
 * (The search phases come with the search.)
 */
export async function run(args: string[]): Promise<void> {
  const options = parse(args);
  const adminUrl = process.env.D115_TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const id = randomBytes(4).toString('hex');
  const database = `d115_bench_knowledge_${id}`;
  const role = 'd115_bench_knowledge';
  const password = randomBytes(12).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'd115-xzufi-'));
  const file = join(dir, 'catalogue.xzufi.xml');

  const generated = await generate(file, options.megabytes * 1024 * 1024);
  out(
    `import: generated ${fixed(statSync(file).size / 1024 / 1024, 1)} MB XZuFi with ${generated.services} Leistungen, ${generated.units} Organisationseinheiten, ${generated.responsibilities} Zuständigkeiten`,
  );
  await provisionDatabase(adminUrl, database, [{ schema: 'knowledge', role, password }]);
  const dataSource = createServiceDataSource({
    url: withCredentials(withDatabase(adminUrl, database), role, password),
    schema: 'knowledge',
    applicationName: 'bench-knowledge',
    entities: [],
    migrations,
  });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = process.hrtime.bigint();
    const report = await new CatalogueImporter(dataSource, 'knowledge').importFile(file, { batchSize: options.batch });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if ('error' in report) throw new Error(report.error);
    out(
      `import: ${report.applied.services} services, ${report.applied.organisationUnits} units, ${report.applied.responsibilities} responsibilities, ${report.applied.rejected} rejected in ${fixed(seconds, 1)} s`,
    );
    out(
      `import: ${fixed(report.applied.services / seconds, 0)} services/s, ${fixed(statSync(file).size / 1024 / 1024 / seconds, 1)} MB/s (batch ${options.batch})`,
    );
    out(`import: peak RSS ${fixed(peak / 1024 / 1024, 0)} MB (before the import ${fixed(baseline / 1024 / 1024, 0)} MB; target < 300 MB)`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(adminUrl, database);
    if (!options.keepFile) rmSync(dir, { recursive: true, force: true });
    else out(`import: file kept at ${file}`);
  }
}

async function generate(file: string, bytes: number): Promise<{ services: number; units: number; responsibilities: number }> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  let written = 0;
  const write = async (text: string) => {
    written += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  const filler = 'Diese Beschreibung ist ein generierter Text für die Messung des Imports. '.repeat(6);
  const modules = ['03', '04', '05', '06', '07', '08'];
  let services = 0;
  let units = 0;
  let responsibilities = 0;
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<xzufi:transfer.operation xmlns:xzufi="${XZUFI_NAMESPACE}">\n`);
  while (written < bytes) {
    services++;
    const key = `99${String(services).padStart(8, '0')}0000`;
    const texts = modules
      .map(
        (code) =>
          `<xzufi:modulText><xzufi:inhalt languageCode="de">&lt;p&gt;${filler} (${code})&lt;/p&gt;</xzufi:inhalt>` +
          `<xzufi:inhalt languageCode="en">&lt;p&gt;Generated text for the import benchmark. (${code})&lt;/p&gt;</xzufi:inhalt>` +
          `<xzufi:leikaTextmodul><code>${code}</code></xzufi:leikaTextmodul></xzufi:modulText>`,
      )
      .join('');
    await write(
      `<xzufi:leistung><xzufi:id>L-${services}</xzufi:id><xzufi:referenzLeiKa><code>${key}</code></xzufi:referenzLeiKa>` +
        `<xzufi:modulText><xzufi:inhalt languageCode="de">Leistung Nummer ${services} beantragen</xzufi:inhalt><xzufi:leikaTextmodul><code>02</code></xzufi:leikaTextmodul></xzufi:modulText>` +
        `${texts}</xzufi:leistung>\n`,
    );
    if (services % 50 === 0) {
      units++;
      const zustaendigkeiten = Array.from({ length: 50 }, (_, i) => {
        responsibilities++;
        return `<xzufi:zustaendigkeit><xzufi:leistungID>L-${services - i}</xzufi:leistungID><xzufi:gebietID>130030000000</xzufi:gebietID></xzufi:zustaendigkeit>`;
      }).join('');
      await write(
        `<xzufi:organisationseinheit><xzufi:id>OE-${units}</xzufi:id><xzufi:name><xzufi:name>Amt ${units}</xzufi:name></xzufi:name>` +
          `<xzufi:kommunikation><xzufi:kennung>amt${units}@example.org</xzufi:kennung></xzufi:kommunikation>${zustaendigkeiten}</xzufi:organisationseinheit>\n`,
      );
    }
  }
  await write('</xzufi:transfer.operation>\n');
  stream.end();
  await once(stream, 'finish');
  return { services, units, responsibilities };
}

function parse(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.split('=')[1]) : fallback;
  };
  return { megabytes: value('mb', 100), batch: value('batch', 500), keepFile: args.includes('--keep-file') };
}
