import { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

const MARK = 'd115OutboxWritten';

/**
 * Tells the relay that outbox rows were committed. In-process and free, unlike
 * a NOTIFY in every writing transaction (Postgres serialises the commits of all
 * transactions that notify, which capped throughput at a fraction of the raw
 * commit rate).
 */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Outbox rows were committed outside a transaction (autocommit). */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Outbox rows were written in this runner's transaction; signal when it commits. */
  mark(runner: QueryRunner | undefined): void {
    if (runner) runner.data = { ...(runner.data ?? {}), [MARK]: true };
  }

  /** The TypeORM subscriber that turns a commit of a marked transaction into a signal. */
  subscriber(): EntitySubscriberInterface {
    const take = (runner: QueryRunner): boolean => {
      const marked = runner.data?.[MARK] === true;
      if (marked) delete runner.data[MARK];
      return marked;
    };
    return {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        if (take(event.queryRunner)) this.committed();
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        take(event.queryRunner);
      },
    };
  }
}
