import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'nats';
import { acceptsPostgres } from '../../../scripts/launch/probes';
import { waitFor } from '@d115/testing';

/**
 * Servers a test owns and may crash: never the shared Postgres and NATS of the
 * machine. Ports come from the reliability suite's range (42000–42999).
 */

const run = promisify(execFile);

/** A nats-server with JetStream on a fixed port; killed with SIGKILL and restarted on the same port and store. */
export class OwnNats {
  private process?: ChildProcess;
  private readonly store = mkdtempSync(join(tmpdir(), 'd115-rel-nats-'));

  private constructor(readonly port: number) {}

  static async start(port: number): Promise<OwnNats> {
    const nats = new OwnNats(port);
    await nats.restart();
    return nats;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) and resolves once JetStream answers. */
  async restart(): Promise<void> {
    const binary = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
    this.process = spawn(binary, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.store], { stdio: 'ignore' });
    await waitFor(
      async () => {
        const nc = await connect({ servers: this.url, reconnect: false, timeout: 500 });
        try {
          return (await (await nc.jetstreamManager()).getAccountInfo()) !== undefined;
        } finally {
          await nc.close();
        }
      },
      `own nats-server on ${this.port}`,
      { timeoutMs: 15000, intervalMs: 20 },
    );
  }

  async kill(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.store, { recursive: true, force: true });
  }
}

/** A Postgres cluster of its own (Debian's binaries, run as the `postgres` system user), crashed on purpose. */
export class OwnPostgres {
  private readonly dir = mkdtempSync(join(tmpdir(), 'd115-rel-pg-'));
  private readonly bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

  private constructor(readonly port: number) {}

  static async start(port: number): Promise<OwnPostgres> {
    const pg = new OwnPostgres(port);
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(pg.dir, uid, gid);
    await pg.asPostgres('initdb', ['-D', pg.data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await pg.restart();
    return pg;
  }

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  /** Starts the cluster (crash recovery included) and resolves once it takes queries. */
  async restart(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
    // A start right after a crash can find the old shared memory still going away: try again shortly.
    await waitFor(
      () => this.asPostgres('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'log'), '-o', options, '-w', '-t', '30', 'start']).then(() => true),
      `pg_ctl start on ${this.port}`,
      { timeoutMs: 30000, intervalMs: 200 },
    );
    await waitFor(() => this.answers(), `own Postgres on ${this.port}`, { timeoutMs: 30000, intervalMs: 20 });
  }

  /** `pg_ctl stop -m immediate`: every backend is told to quit at once, no checkpoint. */
  async stopImmediate(): Promise<void> {
    await this.asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
  }

  /** SIGKILL for the postmaster and all its processes, as a crashed machine would leave it. */
  async killHard(): Promise<void> {
    const pid = this.postmasterPid();
    if (!pid) return;
    signal(pid, 'SIGSTOP'); // no new backends while we collect the ones there are
    let children: number[] = [];
    try {
      children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)])
        .toString()
        .split('\n')
        .map(Number)
        .filter(Boolean);
    } catch {
      // ps exits non-zero when there are none
    }
    for (const target of [...children, pid]) signal(target, 'SIGKILL');
    await waitFor(() => [...children, pid].every((target) => !alive(target)), 'the killed Postgres processes gone', { timeoutMs: 10000, intervalMs: 10 });
  }

  answers(): Promise<boolean> {
    return acceptsPostgres(this.adminUrl, 500);
  }

  async dispose(): Promise<void> {
    try {
      await this.asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', 'stop']);
    } catch {
      await this.killHard().catch(() => undefined);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private postmasterPid(): number | undefined {
    try {
      return (
        Number(
          execFileSync('head', ['-1', join(this.data, 'postmaster.pid')])
            .toString()
            .trim(),
        ) || undefined
      );
    } catch {
      return undefined;
    }
  }

  /** Asynchronous on purpose: services under test may run in this process and must keep running meanwhile. */
  private async asPostgres(tool: string, args: string[]): Promise<void> {
    const command = [join(this.bin, tool), ...args];
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', ...command]);
    else await run(command[0], command.slice(1));
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** A process that still runs (a zombie waiting to be reaped counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
