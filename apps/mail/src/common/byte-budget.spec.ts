import { ByteBudget } from './byte-budget';

/** A job that runs until released; `started` tells whether the budget let it begin. */
function job(sut: ByteBudget, bytes: number) {
  let release!: () => void;
  const state = { started: false, done: undefined as Promise<void> | undefined };
  state.done = sut.run(bytes, () => {
    state.started = true;
    return new Promise<void>((resolve) => (release = resolve));
  });
  return Object.assign(state, { finish: () => release() });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ByteBudget', () => {
  it('runs jobs side by side while their bytes fit, and the next when one finishes', async () => {
    const sut = new ByteBudget(10);
    const a = job(sut, 4);
    const b = job(sut, 6);
    const c = job(sut, 3);
    await settle();
    expect([a.started, b.started, c.started]).toEqual([true, true, false]);
    a.finish();
    await a.done;
    await settle();
    expect(c.started).toBe(true);
    b.finish();
    c.finish();
    await Promise.all([b.done, c.done]);
  });

  it('runs a job larger than the capacity alone, and keeps arrival order', async () => {
    const sut = new ByteBudget(10);
    const small = job(sut, 2);
    const huge = job(sut, 25);
    const later = job(sut, 1);
    await settle();
    expect([small.started, huge.started, later.started]).toEqual([true, false, false]);
    small.finish();
    await small.done;
    await settle();
    expect([huge.started, later.started]).toEqual([true, false]);
    huge.finish();
    await huge.done;
    await settle();
    expect(later.started).toBe(true);
    later.finish();
    await later.done;
  });

  it('frees the bytes of a job that fails', async () => {
    const sut = new ByteBudget(10);
    await expect(sut.run(10, () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await expect(sut.run(10, () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
