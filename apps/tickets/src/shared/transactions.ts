import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { DATA_SOURCE } from '@d115/platform';
import { childLogger } from '@d115/observability';

type Callback = () => void | Promise<void>;

/**
 * READ COMMITTED transactions, and work to do once one has committed (hints
 * such as "an agent became free" must not race the commit that makes them
 * true). Works for the consumer runner's transactions too: callbacks hang on
 * the query runner and fire from TypeORM's after-commit broadcast; a rollback
 * drops them.
 */
@Injectable()
export class Transactions implements OnModuleInit {
  private readonly logger = childLogger('transactions');
  private readonly pending = new WeakMap<QueryRunner, Callback[]>();
  /** Saves a round trip per transaction when the server's default already is READ COMMITTED. */
  private explicitIsolation = true;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const [row] = await this.dataSource.query('SHOW default_transaction_isolation');
    this.explicitIsolation = row.default_transaction_isolation !== 'read committed';
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => this.flush(event.queryRunner),
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
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
        .catch((error) => this.logger.warn({ err: error }, 'after-commit work failed'));
    });
  }
}
