import { InvalidConfigurationError, validateEnv } from '@d115/platform';
import { slaClockMathFromEnv } from '../sla/sla-calendar';
import { TicketsEnv } from './tickets.env';

describe('tickets env', () => {
  const base = { NATS_URL: 'nats://127.0.0.1:4222', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d115' };

  it('has the 115 defaults', () => {
    const sut = validateEnv(TicketsEnv, base);
    expect(sut).toMatchObject({
      OPS_PORT: 3103,
      TICKETS_DEFAULT_QUEUE: 'general',
      TICKETS_SLA_STATE: 'MV',
      TICKETS_SLA_FIRST_RESPONSE_MINUTES: 1440,
      TICKETS_SLA_WARNING_SHARE: 0.8,
      TICKETS_SLA_PAUSE_PENDING_AUTHORITY: false,
      TICKETS_ANONYMIZE_AFTER_DAYS: 90,
      TICKETS_SCHEDULER_ENABLED: true,
    });
  });

  it('names every bad variable', () => {
    const failure = (() => {
      try {
        validateEnv(TicketsEnv, { ...base, TICKETS_SLA_STATE: 'mv', TICKETS_SLA_WARNING_SHARE: '1.5', TICKETS_SCHEDULER_TICK_MS: '5' });
      } catch (error) {
        return error as InvalidConfigurationError;
      }
    })();
    expect(failure).toBeInstanceOf(InvalidConfigurationError);
    expect(failure!.message).toContain('TICKETS_SLA_STATE');
    expect(failure!.message).toContain('TICKETS_SLA_WARNING_SHARE');
    expect(failure!.message).toContain('TICKETS_SCHEDULER_TICK_MS');
  });

  it('refuses a calendar the calendar library refuses, naming the variable', () => {
    const env = validateEnv(TicketsEnv, { ...base, TICKETS_SLA_STATE: 'XX' });
    expect(() => slaClockMathFromEnv(env)).toThrow(/TICKETS_SLA_\* does not describe a valid business calendar/);
    const badJson = validateEnv(TicketsEnv, { ...base, TICKETS_SLA_OVERRIDES: '[{' });
    expect(() => slaClockMathFromEnv(badJson)).toThrow(/TICKETS_SLA_OVERRIDES is not valid JSON/);
  });
});
