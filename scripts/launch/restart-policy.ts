export interface RestartPolicyOptions {
  /** Delay before the first restart; each further one in a row doubles it. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A process that stayed up this long counts as healthy: the next failure starts the schedule over. */
  stableAfterMs: number;
  /** Restarts in a row, each after less than `stableAfterMs` of uptime, before we give up. */
  maxRestarts: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxRestarts: 10,
};

/** When to restart a process that died: exponential backoff (1 s, 2 s, 4 s … 30 s), reset after a stable run. */
export class RestartPolicy {
  private failuresInARow = 0;

  constructor(private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  /** The delay before restarting a process that died after `uptimeMs`, or undefined: give up. */
  next(uptimeMs: number): number | undefined {
    if (uptimeMs >= this.options.stableAfterMs) this.failuresInARow = 0;
    this.failuresInARow += 1;
    if (this.failuresInARow > this.options.maxRestarts) return undefined;
    return Math.min(this.options.initialDelayMs * 2 ** (this.failuresInARow - 1), this.options.maxDelayMs);
  }

  /** Failures in a row so far (each after less than `stableAfterMs` of uptime). */
  get failures(): number {
    return this.failuresInARow;
  }
}
