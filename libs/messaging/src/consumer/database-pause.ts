import { DataSource } from 'typeorm';
import { childLogger } from '@d115/observability';
import { classifyDatabaseFailure } from './database-unavailable';

/**
 * A consumer's view of its database after a failed batch: decides whether the
 * batch is to be kept and retried without counting, and waits while the
 * database does not answer (probing it with SELECT 1). The consumer keeps what
 * it holds meanwhile, with in-progress signals, so neither its own failure
 * count nor the server's delivery count grows during an outage.
 */
export class DatabasePause {
  private readonly logger = childLogger('consumer');
  /** Batches retried in a row because of a connection error while the database answered. */
  private retriedWhileAnswering = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: string,
    private readonly probeIntervalMs: number,
    private readonly stopping: () => boolean,
  ) {}

  /** A batch went through: the database is fine. */
  succeeded(): void {
    this.retriedWhileAnswering = 0;
  }

  /**
   * True when the failed batch is to be kept and retried without counting: after
   * a pause while the database does not answer, or (a broken pooled connection,
   * most likely) once more shortly when it answers although the error says it is
   * gone. Three such retries in a row while it answers, and the failure counts.
   */
  async keep(error: unknown, held: () => number): Promise<boolean> {
    const failure = classifyDatabaseFailure(error);
    if (failure === 'other') return false;
    if (!(await this.answers())) {
      this.retriedWhileAnswering = 0;
      await this.waitUntilAnswers(error, held);
      return true;
    }
    if (failure === 'maybe-unavailable' || this.retriedWhileAnswering >= 3) return false;
    this.retriedWhileAnswering++;
    await delay(this.probeIntervalMs);
    return true;
  }

  /**
   * The consumer's pull subscription stays open meanwhile: what the server has
   * already routed to it would otherwise be lost and redelivered with a higher
   * delivery count (seen on NATS 2.9). What arrives is bounded by
   * max_ack_pending and held the same way.
   */
  private async waitUntilAnswers(cause: unknown, held: () => number): Promise<void> {
    const since = Date.now();
    this.logger.warn({ err: cause, consumer: this.consumer, held: held() }, 'database unavailable; consumer paused');
    while (!this.stopping() && !(await this.answers())) await delay(this.probeIntervalMs);
    this.logger.info({ consumer: this.consumer, pausedMs: Date.now() - since, held: held() }, 'database answers again; consumer resumed');
  }

  private async answers(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
