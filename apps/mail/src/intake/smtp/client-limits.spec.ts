import { ClientLimits } from './client-limits';

describe('ClientLimits', () => {
  it('refuses a connection beyond the maximum per client and frees a slot on close', () => {
    const sut = new ClientLimits(2, 100);
    expect([sut.openConnection('192.0.2.1'), sut.openConnection('192.0.2.1'), sut.openConnection('192.0.2.1')]).toEqual([true, true, false]);
    expect(sut.openConnection('192.0.2.2')).toBe(true);
    sut.closeConnection('192.0.2.1');
    expect(sut.openConnection('192.0.2.1')).toBe(true);
  });

  it('allows the configured messages per minute, then again in the next minute', () => {
    let now = 1_000_000;
    const sut = new ClientLimits(10, 3, () => now);
    expect([1, 2, 3, 4].map(() => sut.takeMessage('192.0.2.1'))).toEqual([true, true, true, false]);
    expect(sut.takeMessage('192.0.2.9')).toBe(true);
    now += 59_999;
    expect(sut.takeMessage('192.0.2.1')).toBe(false);
    now += 1;
    expect(sut.takeMessage('192.0.2.1')).toBe(true);
  });
});
