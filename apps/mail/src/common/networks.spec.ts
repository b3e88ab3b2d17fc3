import { invalidNetworkEntry, NetworkList } from './networks';

describe('NetworkList', () => {
  it('matches IPv4 addresses inside a network and a bare host address', () => {
    const sut = new NetworkList('10.20.0.0/16, 192.0.2.25');
    expect(['10.20.0.1', '10.20.255.254', '192.0.2.25'].map((a) => sut.contains(a))).toEqual([true, true, true]);
    expect(['10.21.0.1', '192.0.2.24', '192.0.2.26'].map((a) => sut.contains(a))).toEqual([false, false, false]);
  });

  it('matches IPv6 addresses, written in any form', () => {
    const sut = new NetworkList('2001:db8:115::/48');
    expect(sut.contains('2001:db8:115::1')).toBe(true);
    expect(sut.contains('2001:0db8:0115:ffff:0:0:0:1')).toBe(true);
    expect(sut.contains('2001:db8:116::1')).toBe(false);
    expect(sut.contains('fe80::1%eth0')).toBe(false);
  });

  it('matches the IPv4-mapped IPv6 form of an address in an IPv4 network, and the other way round', () => {
    expect(new NetworkList('127.0.0.0/8').contains('::ffff:127.0.0.1')).toBe(true);
    expect(new NetworkList('127.0.0.1').contains('::ffff:7f00:1')).toBe(true);
    expect(new NetworkList('127.0.0.0/8').contains('::ffff:10.0.0.1')).toBe(false);
    expect(new NetworkList('::ffff:10.0.0.0/104').contains('10.0.0.9')).toBe(true);
  });

  it('contains nothing when empty, and nothing that is not an address', () => {
    expect(new NetworkList(undefined).contains('127.0.0.1')).toBe(false);
    expect(new NetworkList(' ').contains('127.0.0.1')).toBe(false);
    expect(new NetworkList('0.0.0.0/0').contains('not-an-address')).toBe(false);
    expect(new NetworkList('0.0.0.0/0').contains(undefined)).toBe(false);
  });

  it('names the first entry that is not an address or network', () => {
    expect(invalidNetworkEntry('10.0.0.0/8, ::1, 192.0.2.0/24')).toBeUndefined();
    expect(invalidNetworkEntry('10.0.0.0/8, 10.0.0.0/33')).toBe('10.0.0.0/33');
    expect(invalidNetworkEntry('::/129')).toBe('::/129');
    expect(invalidNetworkEntry('mx.rostock.de')).toBe('mx.rostock.de');
    expect(invalidNetworkEntry('10.0.0.0/8/8')).toBe('10.0.0.0/8/8');
    expect(invalidNetworkEntry('10.0.0.0/')).toBe('10.0.0.0/');
    expect(invalidNetworkEntry('10.0.0.0/-1')).toBe('10.0.0.0/-1');
    expect(() => new NetworkList('10.0.0.256')).toThrow('10.0.0.256');
  });
});
