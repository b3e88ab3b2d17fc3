import 'reflect-metadata';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { prepareBenchInfrastructure } from './support/infrastructure';

/**
 * `npm run bench -- <name> [args]`: runs bench/<name>.bench.ts. Each benchmark
 * measures d115 side by side with the raw capacity of the same Postgres and NATS.
 */
async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const available = ['outbox', 'mail', 'routing', 'knowledge', 'gateway'].filter((bench) => existsSync(join(__dirname, `${bench}.bench.js`)));
  if (!name || !available.includes(name)) {
    process.stderr.write(`usage: npm run bench -- <${available.join('|')}> [options]\n`);
    process.exit(2);
  }
  await prepareBenchInfrastructure();
  const bench = (await import(join(__dirname, `${name}.bench.js`))) as { run(args: string[]): Promise<void> };
  await bench.run(args);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  },
);
