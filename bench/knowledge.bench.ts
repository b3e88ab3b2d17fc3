import 'reflect-metadata';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { fork } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueImporter } from '../apps/knowledge/src/import/catalogue-importer';
import { XZUFI_NAMESPACE } from '../apps/knowledge/src/import/formats/xzufi.format';
import { evaluate } from '../apps/knowledge/src/search/evaluation/evaluation';
import { StandaloneSearch } from '../apps/knowledge/src/search/standalone-search';
import { writeSearchCatalogue } from './support/search-catalogue';
import { withKnowledgeDatabase } from './support/knowledge-database';
import { fixed, percentile } from './support/stats';

const PHASES = ['import', 'recall', 'latency'] as const;
type Phase = (typeof PHASES)[number];

interface Options {
  /** Size of the generated XZuFi file. */
  megabytes: number;
  batch: number;
  keepFile: boolean;
  phases: Phase[];
  /** Generated services of the latency catalogue. */
  services: number;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm run bench -- knowledge [--mb=100] [--batch=500]`
 *
 * Phase `import`: generates an XZuFi 2.2 file of at least `--mb` MB (Leistungen
 * with six text modules in two languages, and every 50th record an
 * Organisationseinheit with 50 Zuständigkeiten) into a temporary file, imports
 * it through the same importer as `npm run knowledge -- import`, and prints
 * services/s and the peak RSS of this process while importing (including the
 * search index refresh that follows every import).
 *
 * Phase `recall`: the team's evaluation questions against the Rostock demo
 * catalogue: recall@1, recall@5 and MRR per style and overall.
 *
 * Phase `latency`: a generated catalogue of `--services` (20,000) services plus
 * the demo, imported and indexed, and the index loaded into memory as a running
 * instance does after an import; then the evaluation questions, three rounds,
 * one at a time through the search use case (in process, with its database round
 * trips and the log write; without NATS): p50/p95.
 *
 * `--phases=recall,latency` runs a subset.
 */
export async function run(args: string[]): Promise<void> {
  const options = parse(args);
  if (options.phases.includes('import')) await importPhase(options);
  if (options.phases.includes('recall')) await recallPhase();
  if (options.phases.includes('latency')) await latencyPhase(options);
}

async function importPhase(options: Options): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'd115-xzufi-'));
  const file = join(dir, 'catalogue.xzufi.xml');
  const generated = await generate(file, options.megabytes * 1024 * 1024);
  out(
    `import: generated ${fixed(statSync(file).size / 1024 / 1024, 1)} MB XZuFi with ${generated.services} Leistungen, ${generated.units} Organisationseinheiten, ${generated.responsibilities} Zuständigkeiten`,
  );
  try {
    const child = fork(join(__dirname, 'support', 'knowledge-import-child.js'), [file, String(options.batch)], {
      // As `npm run knowledge` starts it (package.json): a bounded heap makes V8 collect instead of growing.
      execArgv: ['--max-old-space-size=160'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [result] = (await Promise.race([
      once(child, 'message'),
      once(child, 'exit').then(([code]) => {
        throw new Error(`the import process ended with ${String(code)} before reporting`);
      }),
    ])) as [{ applied: { services: number; organisationUnits: number; responsibilities: number; rejected: number }; seconds: number; peakRss: number }];
    await once(child, 'exit');
    const { applied, seconds } = result;
    out(
      `import: ${applied.services} services, ${applied.organisationUnits} units, ${applied.responsibilities} responsibilities, ${applied.rejected} rejected in ${fixed(seconds, 1)} s (search index refresh included)`,
    );
    out(`import: ${fixed(applied.services / seconds, 0)} services/s, ${fixed(statSync(file).size / 1024 / 1024 / seconds, 1)} MB/s (batch ${options.batch})`);
    out(`import: peak RSS ${fixed(result.peakRss / 1024 / 1024, 0)} MB (the importer's own process; target < 300 MB)`);
  } finally {
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

async function recallPhase(): Promise<void> {
  await withKnowledgeDatabase('recall', async (dataSource) => {
    const search = new StandaloneSearch(dataSource);
    await search.prepare();
    const report = await new CatalogueImporter(dataSource, 'knowledge').importFile(join(__dirname, '../apps/knowledge/src/demo/rostock.catalogue.json'));
    if ('error' in report) throw new Error(report.error);
    await search.cache.load();
    const result = await evaluate(async (query) => (await search.search({ query, limit: 10 })).hits.map((hit) => hit.sourceId));
    out(`recall: ${result.overall.questions} questions over the Rostock demo catalogue (${report.applied.services} services)`);
    for (const [style, figures] of [...Object.entries(result.byStyle), ['overall', result.overall] as const])
      out(
        `recall: ${style.padEnd(10)} n=${String(figures.questions).padStart(3)}  recall@1: ${fixed(figures.recallAt1, 2)}  recall@5: ${fixed(figures.recallAt5, 2)}  MRR: ${fixed(figures.mrr, 2)}`,
      );
    for (const miss of result.misses) out(`recall: missed (${miss.question.style}) "${miss.question.q}" → ${miss.got.join(', ') || 'nothing'}`);
  });
}

async function latencyPhase(options: Options): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'd115-search-'));
  const file = join(dir, 'catalogue.d115.json');
  try {
    const services = writeSearchCatalogue(file, options.services);
    await withKnowledgeDatabase('latency', async (dataSource) => {
      const search = new StandaloneSearch(dataSource);
      await search.prepare();
      const started = Date.now();
      const report = await new CatalogueImporter(dataSource, 'knowledge').importFile(file);
      if ('error' in report) throw new Error(report.error);
      out(`latency: ${services} services imported and indexed in ${fixed((Date.now() - started) / 1000, 1)} s`);
      const [{ postings, words }] = await dataSource.query(
        `SELECT (SELECT count(*) FROM search_posting)::int AS postings, (SELECT count(*) FROM search_word)::int AS words`,
      );
      out(`latency: index of ${words} words and ${postings} postings`);
      const loadStarted = Date.now();
      const loaded = await search.cache.load();
      if (!loaded) throw new Error('the search index did not load into memory');
      out(
        `latency: index loaded into memory in ${fixed((Date.now() - loadStarted) / 1000, 1)} s (generation ${loaded.generation}, RSS ${fixed(process.memoryUsage().rss / 1024 / 1024, 0)} MB)`,
      );
      // Settle what the bulk import leaves to autovacuum (visibility map, statistics) before measuring the steady state.
      const settled = Date.now();
      await dataSource.query('VACUUM (ANALYZE) search_posting, search_word, search_document, service');
      out(`latency: tables vacuumed after the import in ${fixed((Date.now() - settled) / 1000, 1)} s`);
      const questions = (await import('../apps/knowledge/src/search/evaluation/evaluation')).EVALUATION_QUESTIONS;
      for (const question of questions.slice(0, 20)) await search.search({ query: question.q }); // warm-up
      const times: number[] = [];
      for (let round = 0; round < 3; round++)
        for (const question of questions) {
          const t0 = process.hrtime.bigint();
          await search.search({ query: question.q, ...(round === 2 ? { ars: '130030000000' } : {}) });
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      out(
        `latency: ${times.length} searches, p50: ${fixed(percentile(times, 50), 1)} ms, p95: ${fixed(percentile(times, 95), 1)} ms, max ${fixed(Math.max(...times), 1)} ms (target p95 < 15 ms)`,
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parse(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.split('=')[1]) : fallback;
  };
  const phases = args
    .find((a) => a.startsWith('--phases='))
    ?.split('=')[1]
    .split(',') ?? [...PHASES];
  const unknown = phases.filter((phase) => !(PHASES as readonly string[]).includes(phase));
  if (unknown.length) throw new Error(`unknown phase ${unknown.join(', ')} (phases: ${PHASES.join(', ')})`);
  return {
    megabytes: value('mb', 100),
    batch: value('batch', 500),
    keepFile: args.includes('--keep-file'),
    phases: phases as Phase[],
    services: value('services', 20000),
  };
}
