import type { Response } from 'express';
import { RateLimiter } from './rate-limiter';

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return { headers, setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response & { headers: Record<string, string> };
}

describe('RateLimiter', () => {
  let now = 1_000_000;
  const sut = new RateLimiter(2, () => now);

  it('counts down the remaining requests and refuses the one over the limit with Retry-After', () => {
    const first = response();
    sut.take('anna', first);
    expect(first.headers['X-RateLimit-Remaining']).toBe('1');
    sut.take('anna', response());
    const third = response();
    expect(() => sut.take('anna', third)).toThrow(expect.objectContaining({ code: 'REQUEST.RATE_LIMITED' }));
    expect(third.headers['Retry-After']).toBe('60');
  });

  it('keeps keys apart and starts a new window after a minute', () => {
    expect(() => sut.take('otto', response())).not.toThrow();
    now += 60_000;
    const again = response();
    sut.take('anna', again);
    expect(again.headers['X-RateLimit-Remaining']).toBe('1');
  });
});
