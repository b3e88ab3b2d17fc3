import { InvalidConfigurationError, validateEnv } from '@d115/platform';
import { MailEnv } from './mail.env';

describe('mail env', () => {
  const base = { NATS_URL: 'nats://127.0.0.1:4222', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d115' };

  const failure = (overrides: Record<string, string>): InvalidConfigurationError | undefined => {
    try {
      validateEnv(MailEnv, { ...base, ...overrides });
    } catch (error) {
      return error as InvalidConfigurationError;
    }
  };

  it('trusts no relay by default', () => {
    expect(validateEnv(MailEnv, base).SMTP_TRUSTED_NETWORKS).toBeUndefined();
  });

  it('takes IPv4 and IPv6 networks and host addresses as trusted relays', () => {
    const sut = validateEnv(MailEnv, { ...base, SMTP_TRUSTED_NETWORKS: '10.1.0.0/16, 192.0.2.25,2001:db8::/32, ::1' });
    expect(sut.SMTP_TRUSTED_NETWORKS).toBe('10.1.0.0/16, 192.0.2.25,2001:db8::/32, ::1');
  });

  it('stops the start on a bad trusted network, naming the variable and the entry', () => {
    const error = failure({ SMTP_TRUSTED_NETWORKS: '10.1.0.0/16,10.2.0.0/33' });
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    expect(error!.message).toMatch(/SMTP_TRUSTED_NETWORKS.*"10\.2\.0\.0\/33" is neither/);
    expect(failure({ SMTP_TRUSTED_NETWORKS: 'mx.rostock.de' })!.message).toContain('SMTP_TRUSTED_NETWORKS');
  });
});
