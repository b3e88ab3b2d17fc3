import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@d115/testing';

const MAIN = join(__dirname, '..', '..', 'dist', 'scripts', 'launch', 'main.js');

/** The built launcher (what `npm start` hands over to) as a real process, with what it printed. */
export class LauncherProcess {
  private text = '';
  readonly exited: Promise<number | null>;

  private constructor(readonly process: ChildProcessWithoutNullStreams) {
    process.stdout.on('data', (chunk) => (this.text += chunk));
    process.stderr.on('data', (chunk) => (this.text += chunk));
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
  }

  static start(env: Record<string, string>, args: string[] = []): LauncherProcess {
    return new LauncherProcess(spawn(globalThis.process.execPath, [MAIN, ...args], { env: { PATH: globalThis.process.env.PATH, ...env } }));
  }

  get output(): string {
    return this.text;
  }

  /** Polls the output until `pattern` appears; returns the match. */
  waitForOutput(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
    return waitFor(() => pattern.exec(this.text) ?? undefined, `${pattern} in the launcher's output (so far: …${this.text.slice(-1500)})`, {
      timeoutMs,
      intervalMs: 100,
    });
  }

  /** The pid the launcher reported for `service` when it started it. */
  pidOf(service: string): number {
    const match = new RegExp(`${service} started \\(pid (\\d+)\\)`).exec(this.text);
    if (!match) throw new Error(`the launcher reported no pid for ${service}`);
    return Number(match[1]);
  }

  /** Stops it the way a user does (Ctrl-C) unless it has exited already. */
  async interrupt(): Promise<number | null> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGINT');
    return this.exited;
  }
}

/** True while the process runs (a zombie waiting to be reaped counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export async function gatewayHealth(port: number): Promise<number | undefined> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).status;
  } catch {
    return undefined;
  }
}
