import { createHash } from 'node:crypto';
import { D115Error, GatewayErrorCode } from '@d115/contracts';

export const WINDOW_MS = 60_000;

/** Where the limit's headers go: the HTTP reply (Fastify's `reply.header`). */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

interface Window {
  /** Which minute (since the epoch) the counts are for: windows are aligned, the same on every instance. */
  index: number;
  /** Requests this instance counted. */
  local: number;
  /** What the other gateway instances last reported for this key and minute, by instance. */
  peers: Map<string, number>;
  peerTotal: number;
  /** Counted since the last report to the others. */
  changed: boolean;
}

/** What one instance tells the others: its own counts of the keys that changed, for one minute. */
export interface CountsReport {
  instance: string;
  limiter: string;
  window: number;
  counts: [key: string, count: number][];
}

/**
 * A one-minute window per key (user id or client address), aligned to the minute, counted
 * across all gateway instances: each instance counts what reaches it and reports the keys
 * that changed every second or so (RateLimitShare); the limit applies to its own count plus
 * the others' last reports. Between two reports a key can overshoot by what the other
 * instances took in that second. Windows are kept and reported only by hashed key (no address
 * or user id leaves the process; the plain key stays in memory for at most a window, to hash
 * it once rather than on every request). Answers carry GitHub's `X-RateLimit-*` headers; an
 * exceeded limit is REQUEST.RATE_LIMITED with Retry-After.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  /** Each key's hash, computed once a minute rather than once a request; emptied with the windows. */
  private readonly hashes = new Map<string, string>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, response: HeaderSink): void {
    const now = this.now();
    this.sweep(now);
    const window = this.current(this.hashed(key), Math.floor(now / WINDOW_MS));
    window.local += 1;
    window.changed = true;
    const count = window.local + window.peerTotal;
    const resetAt = (window.index + 1) * WINDOW_MS;
    const resetSeconds = Math.ceil((resetAt - now) / 1000);
    response.header('X-RateLimit-Limit', String(this.limit));
    response.header('X-RateLimit-Remaining', String(Math.max(0, this.limit - count)));
    response.header('X-RateLimit-Reset', String(Math.ceil(resetAt / 1000)));
    if (count > this.limit) {
      response.header('Retry-After', String(resetSeconds));
      throw new D115Error(GatewayErrorCode.RATE_LIMITED, `more than ${this.limit} requests per minute; retry in ${resetSeconds} s`);
    }
  }

  /** This instance's counts that changed since the last call (for the current minute only). */
  changes(): { window: number; counts: [string, number][] } {
    const index = Math.floor(this.now() / WINDOW_MS);
    const counts: [string, number][] = [];
    for (const [key, window] of this.windows) {
      if (!window.changed || window.index !== index) continue;
      window.changed = false;
      counts.push([key, window.local]);
    }
    return { window: index, counts };
  }

  /** Another instance's counts. Reports of a past minute are ignored. */
  absorb(instance: string, windowIndex: number, counts: [string, number][]): void {
    if (windowIndex !== Math.floor(this.now() / WINDOW_MS)) return;
    for (const [key, count] of counts) {
      const window = this.current(key, windowIndex);
      window.peerTotal += count - (window.peers.get(instance) ?? 0);
      window.peers.set(instance, count);
    }
  }

  private current(key: string, index: number): Window {
    let window = this.windows.get(key);
    if (!window || window.index !== index) {
      window = { index, local: 0, peers: new Map(), peerTotal: 0, changed: false };
      this.windows.set(key, window);
    }
    return window;
  }

  /** Drops windows that ended, at most once a window, so the map holds only active keys. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    this.hashes.clear();
    const index = Math.floor(now / WINDOW_MS);
    for (const [key, window] of this.windows) if (window.index < index) this.windows.delete(key);
  }

  private hashed(key: string): string {
    let hash = this.hashes.get(key);
    if (hash === undefined) {
      hash = createHash('sha256').update(key).digest('base64url').slice(0, 22);
      this.hashes.set(key, hash);
    }
    return hash;
  }
}
