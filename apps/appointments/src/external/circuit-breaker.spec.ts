import { AppointmentErrorCode } from '@d115/contracts';
import { CircuitBreaker } from './circuit-breaker';

class SystemDown extends Error {}

describe('CircuitBreaker', () => {
  let now = 0;
  let sut: CircuitBreaker;
  const fail = () =>
    sut.run(
      () => Promise.reject(new SystemDown('down')),
      (e) => e instanceof SystemDown,
    );
  const succeed = () =>
    sut.run(
      () => Promise.resolve('ok'),
      (e) => e instanceof SystemDown,
    );

  beforeEach(() => {
    now = 0;
    sut = new CircuitBreaker('ZMS test', 2, 1000, () => now);
  });

  it('opens after the threshold of system failures in a row and refuses without calling', async () => {
    await expect(fail()).rejects.toBeInstanceOf(SystemDown);
    await expect(fail()).rejects.toBeInstanceOf(SystemDown);
    expect(sut.state).toBe('open');
    const call = jest.fn(() => Promise.resolve('never'));
    await expect(sut.run(call, () => true)).rejects.toMatchObject({ code: AppointmentErrorCode.EXTERNAL_UNAVAILABLE });
    expect(call).not.toHaveBeenCalled();
  });

  it('does not count answers that reject our request', async () => {
    for (let i = 0; i < 5; i++)
      await expect(
        sut.run(
          () => Promise.reject(new Error('400')),
          (e) => e instanceof SystemDown,
        ),
      ).rejects.toThrow('400');
    expect(sut.state).toBe('closed');
  });

  it('lets one trial through after the cooldown and closes on its success, reopens on its failure', async () => {
    await expect(fail()).rejects.toThrow();
    await expect(fail()).rejects.toThrow();
    now = 1000;
    expect(sut.state).toBe('half-open');
    await expect(fail()).rejects.toBeInstanceOf(SystemDown);
    expect(sut.state).toBe('open');
    now = 2000;
    await expect(succeed()).resolves.toBe('ok');
    expect(sut.state).toBe('closed');
  });
});
