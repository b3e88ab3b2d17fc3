import { HeaderSink, RateLimiter } from './rate-limiter';

function response(): HeaderSink & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return { headers, header: (name: string, value: string) => (headers[name] = value) };
}

describe('RateLimiter', () => {
  // 20 s before a minute ends
  let now = 17 * 60_000 - 20_000;
  const sut = new RateLimiter(2, () => now);

  it('counts down the remaining requests and refuses the one over the limit with Retry-After', () => {
    const first = response();
    sut.take('anna', first);
    expect(first.headers['X-RateLimit-Remaining']).toBe('1');
    sut.take('anna', response());
    const third = response();
    expect(() => sut.take('anna', third)).toThrow(expect.objectContaining({ code: 'REQUEST.RATE_LIMITED' }));
    expect(third.headers['Retry-After']).toBe('20');
  });

  it('adds what other instances reported for the same key and minute, and ignores reports of a past minute', () => {
    const other = new RateLimiter(3, () => now);
    const own = response();
    other.take('eva', own);
    expect(own.headers['X-RateLimit-Remaining']).toBe('2');
    const reporter = new RateLimiter(3, () => now);
    reporter.take('eva', response());
    reporter.take('eva', response());
    const { window, counts } = reporter.changes();
    expect(reporter.changes().counts).toEqual([]);
    other.absorb('instance-b', window - 1, counts);
    const unchanged = response();
    other.take('eva', unchanged);
    expect(unchanged.headers['X-RateLimit-Remaining']).toBe('1');
    other.absorb('instance-b', window, counts);
    expect(() => other.take('eva', response())).toThrow(expect.objectContaining({ code: 'REQUEST.RATE_LIMITED' }));
  });

  it('keeps keys apart and starts a new window after a minute', () => {
    expect(() => sut.take('otto', response())).not.toThrow();
    now += 60_000;
    const again = response();
    sut.take('anna', again);
    expect(again.headers['X-RateLimit-Remaining']).toBe('1');
  });
});
