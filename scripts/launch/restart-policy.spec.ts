import { RestartPolicy } from './restart-policy';

describe('RestartPolicy', () => {
  const options = { initialDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 60_000, maxRestarts: 8 };

  it('doubles the delay for each quick failure in a row, up to the cap', () => {
    const sut = new RestartPolicy(options);
    const delays = Array.from({ length: 8 }, () => sut.next(500));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts the schedule over after a run that lasted stableAfterMs', () => {
    const sut = new RestartPolicy(options);
    sut.next(500);
    sut.next(500);
    expect(sut.next(500)).toBe(4000);
    expect(sut.next(60_000)).toBe(1000);
    expect(sut.failures).toBe(1);
  });

  it('gives up after maxRestarts quick failures in a row', () => {
    const sut = new RestartPolicy(options);
    for (let i = 0; i < 8; i++) expect(sut.next(10)).toBeDefined();
    expect(sut.next(10)).toBeUndefined();
    expect(sut.failures).toBe(9);
  });
});
