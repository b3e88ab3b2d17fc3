import { ChildProcess } from 'node:child_process';
import { RestartPolicy } from './restart-policy';

export interface SupervisorOptions {
  name: string;
  /** Starts one instance of the process. */
  launch: () => ChildProcess;
  say: (line: string) => void;
  policy?: RestartPolicy;
  /** Called once when the process keeps dying and is not restarted any more. */
  onGiveUp?: () => void;
}

/**
 * Keeps one service process running, as a process manager would: when it
 * dies, says so with its exit code or signal and starts it again after a
 * backoff delay. `stop()` ends it for good: no restart happens after it.
 */
export class Supervisor {
  private child?: ChildProcess;
  private startedAt = 0;
  private restartTimer?: NodeJS.Timeout;
  private stopping = false;
  private gaveUp = false;
  private readonly policy: RestartPolicy;

  constructor(private readonly options: SupervisorOptions) {
    this.policy = options.policy ?? new RestartPolicy();
  }

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.isRunning(this.child) ? this.child!.pid : undefined;
  }

  get givenUp(): boolean {
    return this.gaveUp;
  }

  start(): void {
    const child = this.options.launch();
    this.child = child;
    this.startedAt = Date.now();
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    child.once('error', (error) => this.options.say(`${this.name} could not be started: ${error.message}`));
  }

  /** SIGTERM (the services' graceful shutdown), SIGKILL after `graceMs`; cancels a pending restart. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || !this.isRunning(child)) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const late = setTimeout(() => {
      this.options.say(`${this.name} did not stop within ${graceMs / 1000} s; killing it`);
      child.kill('SIGKILL');
    }, graceMs);
    await exited;
    clearTimeout(late);
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || child !== this.child) return;
    const uptimeMs = Date.now() - this.startedAt;
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    const delay = this.policy.next(uptimeMs);
    if (delay === undefined) {
      this.gaveUp = true;
      this.options.say(
        `${this.name} exited unexpectedly (${how}) and has failed ${this.policy.failures} times in a row; ` +
          'not restarting it again: fix the cause (see its log above) and run npm start again',
      );
      this.options.onGiveUp?.();
      return;
    }
    this.options.say(`${this.name} exited unexpectedly (${how}, pid ${child.pid}, up ${formatDuration(uptimeMs)}); restarting in ${formatDuration(delay)}`);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.start();
      this.options.say(`${this.name} restarted (pid ${this.child?.pid}, restart ${this.policy.failures} in a row)`);
    }, delay);
  }

  private isRunning(child: ChildProcess | undefined): boolean {
    return !!child && child.exitCode === null && child.signalCode === null;
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
