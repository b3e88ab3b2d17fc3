import { InvalidConfigurationError, validateEnv } from '@d115/platform';
import { parseCstaUrls } from '../adapters/csta/connection/csta-endpoint';
import { TelephonyEnv } from './telephony.env';

const base = { NATS_URL: 'nats://127.0.0.1:4222', DATABASE_URL: 'postgres://t:t@127.0.0.1:5432/t' };

function problems(vars: Record<string, string>): string[] {
  try {
    validateEnv(TelephonyEnv, { ...base, ...vars });
  } catch (error) {
    return (error as InvalidConfigurationError).problems;
  }
  return [];
}

describe('CSTA environment', () => {
  it('takes servers, devices and the defaults', () => {
    const sut = validateEnv(TelephonyEnv, {
      ...base,
      TELEPHONY_CSTA_URL: 'tcp://10.1.2.3:1040#openscape-1, tls://aes.example:4722',
      TELEPHONY_CSTA_MONITOR: '2001,2002',
      TELEPHONY_CSTA_TRUNKS: 'T*',
    });
    expect(sut.TELEPHONY_CSTA_KEEPALIVE_MS).toBe(30000);
    expect(parseCstaUrls(sut.TELEPHONY_CSTA_URL)).toEqual([
      { pbx: 'openscape-1', host: '10.1.2.3', port: 1040, tls: false },
      { pbx: 'csta-aes.example-4722', host: 'aes.example', port: 4722, tls: true },
    ]);
  });

  it('needs no CSTA server at all', () => {
    expect(problems({})).toEqual([]);
    expect(parseCstaUrls(validateEnv(TelephonyEnv, base).TELEPHONY_CSTA_URL)).toEqual([]);
  });

  it.each([
    ['TELEPHONY_CSTA_URL', 'http://pbx:80'],
    ['TELEPHONY_CSTA_URL', 'tcp://pbx'],
    ['TELEPHONY_CSTA_URL', 'tcp://pbx:1040#not a name'],
    ['TELEPHONY_CSTA_MONITOR', '2001,,2002'],
    ['TELEPHONY_CSTA_KEEPALIVE_MS', '10'],
  ])('names %s when it is %s', (name, value) => {
    expect(problems({ [name]: value })).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
  });
});
