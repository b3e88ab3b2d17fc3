import { Namespace } from './namespace';

describe('Namespace', () => {
  it('leaves subjects and streams untouched without a prefix', () => {
    const sut = new Namespace('');
    expect(sut.subject('d115.events.mail.message.received')).toBe('d115.events.mail.message.received');
    expect(sut.stream('D115_EVENTS')).toBe('D115_EVENTS');
    expect(sut.strip('d115.mail.ping')).toBe('d115.mail.ping');
  });

  it('prefixes subjects and streams, and strips the prefix again', () => {
    const sut = new Namespace('ta1-b');
    expect(sut.subject('d115.mail.ping')).toBe('ta1-b.d115.mail.ping');
    expect(sut.stream('D115_EVENTS')).toBe('TA1_B_D115_EVENTS');
    expect(sut.strip('ta1-b.d115.mail.ping')).toBe('d115.mail.ping');
    expect(sut.strip('other.d115.mail.ping')).toBe('other.d115.mail.ping');
  });

  it('refuses a prefix that would break subject syntax', () => {
    expect(() => new Namespace('a.b')).toThrow('may only contain');
    expect(() => new Namespace('a b')).toThrow('may only contain');
  });
});
