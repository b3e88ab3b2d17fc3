import { InvalidConfigurationError, ServiceEnv, validateEnv } from './env';

describe('validateEnv', () => {
  const valid = { NATS_URL: 'nats://127.0.0.1:4222', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d115', OPS_PORT: '3103' };

  it('turns strings into typed values and applies defaults', () => {
    const sut = validateEnv(ServiceEnv, { ...valid, MIGRATE_ON_START: 'false', CONSUMER_MAX_DELIVER: '7' });
    expect(sut.OPS_PORT).toBe(3103);
    expect(sut.MIGRATE_ON_START).toBe(false);
    expect(sut.CONSUMER_MAX_DELIVER).toBe(7);
    expect(sut.REQUEST_TIMEOUT_MS).toBe(5000);
    expect(sut.CONSUMER_BACKOFF_MS).toBe('1000,5000,30000');
  });

  it('names every missing required variable', () => {
    const failure = (() => {
      try {
        validateEnv(ServiceEnv, { OPS_PORT: '1' });
      } catch (error) {
        return error as InvalidConfigurationError;
      }
    })();
    expect(failure).toBeInstanceOf(InvalidConfigurationError);
    expect(failure!.problems.join('\n')).toMatch(/NATS_URL is required but not set/);
    expect(failure!.problems.join('\n')).toMatch(/DATABASE_URL is required but not set/);
  });

  it('names a malformed variable with the reason', () => {
    expect(() => validateEnv(ServiceEnv, { ...valid, CONSUMER_BACKOFF_MS: '1s,5s' })).toThrow(/CONSUMER_BACKOFF_MS must be comma-separated milliseconds/);
    expect(() => validateEnv(ServiceEnv, { ...valid, OPS_PORT: '70000' })).toThrow(/OPS_PORT/);
  });

  it('ignores unrelated variables of the process environment', () => {
    const sut = validateEnv(ServiceEnv, { ...valid, HOME: '/root', PATH: '/bin' }) as unknown as Record<string, unknown>;
    expect(sut.HOME).toBeUndefined();
  });
});
