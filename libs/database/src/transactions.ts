import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Callback = () => void | Promise<void>;

/**
 * The one way a service runs a transaction: READ COMMITTED, commit on success,
 * rollback on throw, and work to do once it has committed (hints such as "an
 * agent became free" must not race the commit that makes them true).
 *
 * After-commit work also works inside transactions the helper did not open (the
 * consumer runner's batches): callbacks hang on the query runner and fire from
 * TypeORM's after-commit broadcast; a rollback drops them, a released savepoint
 * keeps them waiting for the real commit.
 *
 * Use cases get this and their repositories, never a `DataSource`; reads outside
 * a transaction go through `manager`.
 */
export class Transactions {
  private readonly pending = new WeakMap<QueryRunner, Callback[]>();
  /** Saves a round trip per transaction when the server's default already is READ COMMITTED. */
  private explicitIsolation = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly onCallbackError: (error: unknown) => void = () => undefined,
  ) {}

  /** Learns the server's default isolation and hooks into the data source's commit broadcast. Call once, after `initialize()`. */
  async attach(): Promise<this> {
    const [row] = await this.dataSource.query('SHOW default_transaction_isolation');
    this.explicitIsolation = row.default_transaction_isolation !== 'read committed';
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => this.flush(event.queryRunner),
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
    return this;
  }

  /** For reads (and single autocommit statements) outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * One pooled connection held for `work`, without a transaction: autocommit statements
   * that need the same connection (named prepared statements, session advisory locks).
   */
  async session<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.explicitIsolation ? this.dataSource.transaction('READ COMMITTED', work) : this.dataSource.transaction(work);
  }

  /** Runs `callback` after the transaction of `manager` commits (at once when there is none). */
  afterCommit(manager: EntityManager, callback: Callback): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      this.fire(callback);
      return;
    }
    const list = this.pending.get(runner) ?? [];
    list.push(callback);
    this.pending.set(runner, list);
  }

  private flush(runner: QueryRunner): void {
    if (runner.isTransactionActive) return; // a savepoint was released, not the transaction
    const list = this.pending.get(runner);
    if (!list) return;
    this.pending.delete(runner);
    for (const callback of list) this.fire(callback);
  }

  private fire(callback: Callback): void {
    setImmediate(() => {
      Promise.resolve()
        .then(callback)
        .catch((error: unknown) => this.onCallbackError(error));
    });
  }
}
