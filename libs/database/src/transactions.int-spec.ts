import { DataSource } from 'typeorm';
import { TestEnvironment, waitFor } from '@d115/testing';
import { createServiceDataSource } from './data-source';
import { Transactions } from './transactions';

/** The one transaction helper, against real Postgres. */
describe('Transactions', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let sut: Transactions;
  const errors: unknown[] = [];

  beforeAll(async () => {
    env = await TestEnvironment.create(['telephony']);
    dataSource = createServiceDataSource({
      url: env.databaseUrl('telephony'),
      schema: 'telephony',
      applicationName: 'transactions-spec',
      entities: [],
      migrations: [],
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE IF NOT EXISTS tx_probe (n int)');
    sut = await new Transactions(dataSource, (error) => errors.push(error)).attach();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await env?.dispose();
  });

  const count = async (n: number) => Number((await dataSource.query('SELECT count(*) AS c FROM tx_probe WHERE n = $1', [n]))[0].c);

  it('runs READ COMMITTED and calls after-commit work once the row is visible to others', async () => {
    const seen: number[] = [];
    const level = await sut.run(async (manager) => {
      await manager.query('INSERT INTO tx_probe (n) VALUES (1)');
      sut.afterCommit(manager, async () => {
        seen.push(await count(1));
      });
      return (await manager.query('SHOW transaction_isolation'))[0].transaction_isolation;
    });
    expect(level).toBe('read committed');
    await waitFor(async () => seen.length === 1, 'after-commit work');
    expect(seen).toEqual([1]);
  });

  it('drops after-commit work on rollback', async () => {
    const calls: string[] = [];
    await expect(
      sut.run(async (manager) => {
        await manager.query('INSERT INTO tx_probe (n) VALUES (2)');
        sut.afterCommit(manager, () => void calls.push('rolled back'));
        throw new Error('rollback on purpose');
      }),
    ).rejects.toThrow('rollback on purpose');
    await sut.run(async (manager) => sut.afterCommit(manager, () => void calls.push('committed')));
    await waitFor(async () => calls.includes('committed'), 'later commit');
    expect(calls).toEqual(['committed']);
    expect(await count(2)).toBe(0);
  });

  it('keeps after-commit work registered in a savepoint until the outer transaction commits', async () => {
    const calls: string[] = [];
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.startTransaction(); // a savepoint, as the consumer runner takes per message
    sut.afterCommit(runner.manager, () => void calls.push('done'));
    await runner.commitTransaction(); // releases the savepoint only
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([]);
    await runner.commitTransaction();
    await runner.release();
    await waitFor(async () => calls.length === 1, 'after-commit work');
  });

  it('runs after-commit work at once outside a transaction, and reports its failures', async () => {
    sut.afterCommit(sut.manager, () => {
      throw new Error('hint failed');
    });
    await waitFor(async () => errors.length === 1, 'reported failure');
    expect((errors[0] as Error).message).toBe('hint failed');
  });

  it('holds one connection for a session (session advisory locks stay with it)', async () => {
    const pids = await sut.session(async (session) => {
      const [first] = await session.query('SELECT pg_backend_pid() AS pid');
      await session.query('SELECT pg_advisory_lock(4711)');
      const [second] = await session.query('SELECT pg_backend_pid() AS pid');
      await session.query('SELECT pg_advisory_unlock(4711)');
      return [first.pid, second.pid];
    });
    expect(pids[0]).toBe(pids[1]);
  });
});
