import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describeError } from './errors';
import type { RunAs } from './unprivileged-user';

const TAIL_LINES = 12;

/**
 * A server process the launcher starts and stops itself (the embedded
 * Postgres, nats-server). It runs in its own process group, so a Ctrl-C in
 * the terminal reaches only the launcher, which stops the services first and
 * these servers last. The last lines of its output are kept: when it fails,
 * they are the reason.
 */
export class OwnedProcess {
  /** Every one still running, so that a shutdown during start-up leaves none behind. */
  private static readonly live = new Set<OwnedProcess>();
  private readonly lines: string[] = [];
  private spawnError?: Error;
  private readonly exit: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.remember(line));
    }
    child.once('error', (error) => (this.spawnError = error));
    this.exit = new Promise((resolve) => child.once('close', () => resolve()));
    OwnedProcess.live.add(this);
    void this.exit.then(() => OwnedProcess.live.delete(this));
  }

  /** Kills whatever is still running: those that were starting when the launcher was told to stop. */
  static async stopAll(): Promise<void> {
    await Promise.all([...OwnedProcess.live].map((owned) => owned.stop('SIGKILL', 5000)));
  }

  static start(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; runAs?: RunAs } = {}): OwnedProcess {
    const { runAs, ...rest } = options;
    const child = spawn(command, args, { ...rest, uid: runAs?.uid, gid: runAs?.gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    return new OwnedProcess(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** Resolves when the process has exited (or could not be started). */
  async finished(): Promise<void> {
    if (this.spawnError) return;
    await Promise.race([this.exit, new Promise<void>((resolve) => this.child.once('error', () => resolve()))]);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && !this.spawnError;
  }

  /** Why it is not running, with its last words. */
  get failure(): string {
    if (this.spawnError) return `${this.name} could not be started: ${describeError(this.spawnError)}`;
    const how = this.child.signalCode ? `was killed by ${this.child.signalCode}` : `exited with code ${this.child.exitCode}`;
    return this.withOutput(`${this.name} ${how}`);
  }

  get output(): string {
    return this.lines.join('\n');
  }

  /** Polls `ready` until it holds; fails with the process's own output when it dies or the deadline passes. */
  async waitUntil(ready: () => Promise<boolean>, timeoutMs: number, describeFailure: (reason: string) => Error): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) {
        await Promise.race([this.exit, new Promise((resolve) => setTimeout(resolve, 200))]);
        throw describeFailure(this.failure);
      }
      if (await ready()) return;
      if (Date.now() > deadline) {
        await this.stop('SIGKILL', 1000);
        throw describeFailure(this.withOutput(`${this.name} did not become ready within ${timeoutMs / 1000} s`));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Sends `signal`, waits up to `timeoutMs` for the exit, then kills. */
  async stop(signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), timeoutMs).unref());
    if ((await Promise.race([this.exit, timer])) === 'late') {
      this.child.kill('SIGKILL');
      await this.exit;
    }
  }

  private withOutput(text: string): string {
    return this.lines.length ? `${text}; its last output:\n    ${this.lines.join('\n    ')}` : text;
  }

  private remember(line: string): void {
    this.lines.push(line);
    if (this.lines.length > TAIL_LINES) this.lines.shift();
  }
}
