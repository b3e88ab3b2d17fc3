import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { LaunchError } from './errors';

export interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

/** The system user that runs the embedded Postgres when the launcher runs as root. */
export const SERVICE_USER = 'd115';

/**
 * Postgres refuses to run as root. As root (a container, a CI runner) the
 * embedded server runs as the owner of an existing cluster, or else as the
 * system user `d115`, created here when it is missing. Not root: undefined,
 * the server runs as the current user.
 */
export function unprivilegedUser(clusterDir: string | undefined): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (clusterDir) {
    const owner = statSync(clusterDir);
    if (owner.uid !== 0) return { uid: owner.uid, gid: owner.gid, name: userName(owner.uid) };
  }
  return lookUp(SERVICE_USER) ?? create(SERVICE_USER);
}

/** The name of the user who owns `path`, for messages. */
export function ownerName(path: string): string {
  try {
    return `user "${userName(statSync(path).uid)}"`;
  } catch {
    return 'its owner';
  }
}

function userName(uid: number): string {
  try {
    return execFileSync('id', ['-nu', String(uid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `uid ${uid}`;
  }
}

function lookUp(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid, gid, name };
  } catch {
    return undefined;
  }
}

function create(name: string): RunAs {
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    // Another launcher may have created it a moment ago.
    const raced = lookUp(name);
    if (raced) return raced;
    const reason = ((error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message).replace(/\.$/, '');
    throw new LaunchError(
      `Postgres cannot run as root, and creating the system user "${name}" to run it failed (${reason})`,
      `Create the user yourself (useradd --system --user-group ${name}), run npm start as an ordinary user, or set DATABASE_URL to a Postgres you run`,
    );
  }
  const created = lookUp(name);
  if (!created) throw new LaunchError(`useradd reported success but the user "${name}" is not there`, "Check /etc/passwd and the system's user database");
  return created;
}

/**
 * The unprivileged user must be able to walk down to the data folder: a
 * parent that is private to root (mkdtemp makes 0700 folders) stops Postgres
 * with a bare "permission denied". Say which folder and how to open it.
 */
export function assertReachable(dir: string, user: RunAs): void {
  for (let parent = dirname(dir); ; parent = dirname(parent)) {
    const stat = statSync(parent);
    const mine = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if ((stat.mode & mine) === 0) {
      throw new LaunchError(
        `The embedded Postgres runs as the user "${user.name}" (Postgres refuses root), but that user cannot enter ${parent}`,
        `Allow it (chmod o+x ${parent}) or choose a data folder it can reach with D115_DATA_DIR`,
      );
    }
    if (parent === dirname(parent)) return;
  }
}
