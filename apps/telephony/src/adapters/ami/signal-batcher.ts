import { childLogger } from '@d115/observability';
import { CallSignal, CallSignalSink } from '../../calls/call-signal';

/**
 * Hands an adapter's signals to the sink in order and in batches, one batch in flight at a
 * time. When the sink fails (the database is down), the batch is retried with backoff and
 * nothing is dropped; `backlogged` tells the adapter to stop reading its socket meanwhile.
 */
export class SignalBatcher {
  private readonly logger = childLogger('signal-batcher');
  private readonly queue: CallSignal[] = [];
  private flushing?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly sink: CallSignalSink,
    private readonly onDrain: () => void,
    private readonly batchSize = 500,
    private readonly highWater = 20000,
  ) {}

  get backlogged(): boolean {
    return this.queue.length >= this.highWater;
  }

  push(signal: CallSignal): void {
    this.queue.push(signal);
    this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
  }

  /** Resolves once everything pushed so far is durable (or the batcher was stopped). */
  async drained(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async stop(): Promise<void> {
    await this.drained();
    this.stopped = true;
  }

  private async flush(): Promise<void> {
    let failures = 0;
    // Let the rest of the socket chunk arrive first, so a burst becomes one batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.slice(0, this.batchSize);
      try {
        await this.sink.accept(batch);
        this.queue.splice(0, batch.length);
        failures = 0;
        if (this.queue.length < this.highWater / 4) this.onDrain();
      } catch (error) {
        failures++;
        this.logger.warn({ err: error, pending: this.queue.length, failures }, 'call signals not stored yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** failures, 10000)));
      }
    }
  }
}
