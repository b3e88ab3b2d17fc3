import { JsMsg } from 'nats';
import { DataSource, QueryRunner } from 'typeorm';
import { EventEnvelope } from '@d115/contracts';
import { runWithContext } from '@d115/observability';
import { EventHandler } from './event-consumer.decorator';

/** A delivery whose envelope and payload passed validation. */
export interface Prepared {
  message: JsMsg;
  envelope: EventEnvelope;
}

export type Outcome = { kind: 'handled' | 'duplicate' } | { kind: 'failed'; error: unknown };

/**
 * Handles a batch of validated deliveries in one database transaction that also
 * records each event id in the inbox: a redelivered event has no second effect.
 * Errors that are not a handler's (the database went away) are thrown to the runner.
 */
export class InboxBatch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: string,
    private readonly handler: EventHandler,
  ) {}

  /**
   * Fast path: one transaction, inbox rows for the whole batch in one statement,
   * handlers without savepoints, then the handler's `flush` (batched work). If a
   * handler or the flush throws, the batch is rolled back and replayed with a
   * savepoint per message (each flushed on its own), so only the failing one fails.
   */
  async handle(prepared: Prepared[]): Promise<Outcome[]> {
    const fast = await this.inTransaction(async (runner) => {
      const fresh = await this.recordInbox(runner, prepared);
      const outcomes: Outcome[] = [];
      for (const item of prepared) {
        if (!fresh.delete(item.envelope.id)) {
          outcomes.push({ kind: 'duplicate' });
          continue;
        }
        try {
          await this.runHandler(runner, item);
        } catch {
          return undefined; // roll back and isolate the failure below
        }
        outcomes.push({ kind: 'handled' });
      }
      try {
        await this.handler.flush?.(runner.manager);
      } catch {
        return undefined;
      }
      return outcomes;
    });
    if (fast) return fast;
    return (await this.inTransaction(async (runner) => {
      const outcomes: Outcome[] = [];
      for (const item of prepared) outcomes.push(await this.handleOne(runner, item));
      return outcomes;
    }))!;
  }

  /** Runs `work` in a transaction; commits when it returns outcomes, rolls back when it returns undefined. */
  private async inTransaction(work: (runner: QueryRunner) => Promise<Outcome[] | undefined>): Promise<Outcome[] | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('READ COMMITTED');
      const outcomes = await work(runner);
      if (outcomes) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return outcomes;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Inserts the batch's event ids into the inbox; returns those not handled before. */
  private async recordInbox(runner: QueryRunner, prepared: Prepared[]): Promise<Set<string>> {
    const rows: { event_id: string }[] = await runner.query(
      `INSERT INTO inbox (consumer, event_id, subject)
       SELECT $1, id, subject FROM unnest($2::text[], $3::text[]) AS batch(id, subject)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.consumer, prepared.map((p) => p.envelope.id), prepared.map((p) => p.envelope.type)],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  private runHandler(runner: QueryRunner, { envelope }: Prepared): Promise<void> {
    const correlationId = envelope.correlationid ?? envelope.id;
    return runWithContext({ correlationId }, () => this.handler.handle(envelope, runner.manager));
  }

  private async handleOne(runner: QueryRunner, item: Prepared): Promise<Outcome> {
    await runner.query('SAVEPOINT d115_event');
    try {
      const fresh = await this.recordInbox(runner, [item]);
      if (fresh.size > 0) {
        await this.runHandler(runner, item);
        await this.handler.flush?.(runner.manager);
      }
      await runner.query('RELEASE SAVEPOINT d115_event');
      return { kind: fresh.size > 0 ? 'handled' : 'duplicate' };
    } catch (error) {
      await runner.query('ROLLBACK TO SAVEPOINT d115_event');
      return { kind: 'failed', error };
    }
  }
}
