import 'reflect-metadata';
import { CatalogueImporter } from '../../apps/knowledge/src/import/catalogue-importer';
import { withKnowledgeDatabase } from './knowledge-database';

/**
 * The import phase's importer in a process of its own (forked by bench/knowledge.bench.ts), so that
 * its peak RSS is the importer's alone, as `npm run knowledge -- import` would use it, and not what
 * generating the file left in the benchmark's process.
 */
async function main(): Promise<void> {
  const [file, batch] = process.argv.slice(2);
  await withKnowledgeDatabase('import', async (dataSource) => {
    const started = process.hrtime.bigint();
    const report = await new CatalogueImporter(dataSource, 'knowledge').importFile(file, { batchSize: Number(batch) });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if ('error' in report) throw new Error(report.error);
    // maxRSS (KiB) is the peak of the whole process: start-up, migrations, import and refresh.
    process.send!({ applied: report.applied, seconds, peakRss: process.resourceUsage().maxRSS * 1024 });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
