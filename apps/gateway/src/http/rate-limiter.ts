import type { Response } from 'express';
import { D115Error, GatewayErrorCode } from '@d115/contracts';

const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window per key (user id or client address), in this instance's
 * memory: each gateway instance limits what reaches it. Answers carry GitHub's
 * `X-RateLimit-*` headers; an exceeded limit is REQUEST.RATE_LIMITED with Retry-After.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, response: Response): void {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.ceil((window.start + WINDOW_MS - now) / 1000);
    response.setHeader('X-RateLimit-Limit', String(this.limit));
    response.setHeader('X-RateLimit-Remaining', String(Math.max(0, this.limit - window.count)));
    response.setHeader('X-RateLimit-Reset', String(Math.ceil((window.start + WINDOW_MS) / 1000)));
    if (window.count > this.limit) {
      response.setHeader('Retry-After', String(resetSeconds));
      throw new D115Error(GatewayErrorCode.RATE_LIMITED, `more than ${this.limit} requests per minute; retry in ${resetSeconds} s`);
    }
  }

  /** Drops windows that ended, at most once a window, so the map holds only active keys. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}
