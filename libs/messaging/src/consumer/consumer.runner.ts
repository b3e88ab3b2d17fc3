import { AckPolicy, ConsumerConfig, ConsumerMessages, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg, nanos } from 'nats';
import { DataSource, QueryRunner } from 'typeorm';
import { D115Error, ErrorCode, EventEnvelope, EventEnvelopeDto, Headers, ServiceName, validatePayload } from '@d115/contracts';
import { childLogger, metrics, runWithContext } from '@d115/observability';
import { Namespace } from '../nats/namespace';
import { isNotFound, STREAMS, streamKeyFor } from '../nats/streams';
import { DeadLetterReason, DeadLetters } from './dead-letters';
import { EventConsumerOptions, EventHandler } from './event-consumer.decorator';

export interface ConsumerSettings {
  /** Deliveries before a failing message goes to the dead letters. */
  maxDeliver: number;
  /** Redelivery delay after the n-th failed delivery (last value repeats). */
  backoffMs: number[];
  /** Messages handled in one database transaction (one savepoint each). */
  batchSize: number;
  ackWaitMs: number;
  maxAckPending: number;
}

export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = {
  maxDeliver: 5,
  backoffMs: [1000, 5000, 30000],
  batchSize: 64,
  ackWaitMs: 30000,
  maxAckPending: 1000,
};

interface Prepared {
  message: JsMsg;
  envelope: EventEnvelope;
}

/** Strict: a body that is not valid UTF-8 is malformed, not silently repaired. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

type Outcome = { kind: 'handled' | 'duplicate' } | { kind: 'failed'; error: unknown };

/**
 * Runs one durable consumer: validates every delivery, handles a batch of
 * deliveries in one transaction (a savepoint each) that also records each event
 * id in the inbox, acks only after commit, retries failures with backoff, and
 * dead-letters what cannot succeed. Never throws out of its loop.
 */
export class ConsumerRunner {
  private readonly logger = childLogger('consumer');
  private readonly durable: string;
  private readonly settings: ConsumerSettings;
  private messages?: ConsumerMessages;
  private queue: JsMsg[] = [];
  private wake?: () => void;
  private stopping = false;
  private pumpDone = false;
  private worker?: Promise<void>;

  constructor(
    private readonly deps: {
      js: JetStreamClient;
      jsm: JetStreamManager;
      dataSource: DataSource;
      namespace: Namespace;
      service: ServiceName;
      deadLetters: DeadLetters;
    },
    private readonly handler: EventHandler,
    private readonly options: EventConsumerOptions,
    settings: ConsumerSettings,
  ) {
    this.durable = `${deps.service}-${options.durable}`;
    this.settings = { ...settings, maxDeliver: options.maxDeliver ?? settings.maxDeliver };
  }

  get name(): string {
    return this.durable;
  }

  async start(): Promise<void> {
    const stream = await this.ensureConsumer();
    const consumer = await this.deps.js.consumers.get(stream, this.durable);
    this.messages = await consumer.consume({ max_messages: Math.max(this.settings.batchSize * 2, 16) });
    void this.pump(this.messages);
    this.worker = this.work();
    this.logger.info({ consumer: this.durable, subjects: this.options.subjects }, 'consumer started');
  }

  /** Stops pulling, finishes the batch in hand, returns the rest to the server. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.messages?.close().catch(() => undefined);
    this.wake?.();
    await this.worker;
    for (const message of this.queue.splice(0)) message.nak();
  }

  private async ensureConsumer(): Promise<string> {
    const keys = new Set(this.options.subjects.map(streamKeyFor));
    if (keys.size !== 1) throw new Error(`consumer ${this.durable}: all subjects must belong to one stream`);
    const stream = this.deps.namespace.stream(STREAMS[[...keys][0]].name);
    const config: Partial<ConsumerConfig> = {
      durable_name: this.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // A single filter works on every NATS 2.x server; several need 2.10+.
      ...(this.options.subjects.length === 1
        ? { filter_subject: this.deps.namespace.subject(this.options.subjects[0]) }
        : { filter_subjects: this.options.subjects.map((s) => this.deps.namespace.subject(s)) }),
      // Unlimited on the server: this runner decides when to give up, so a
      // process crash on the last attempt cannot strand a message.
      max_deliver: -1,
      ack_wait: nanos(this.settings.ackWaitMs),
      max_ack_pending: this.settings.maxAckPending,
    };
    try {
      await this.deps.jsm.consumers.info(stream, this.durable);
      await this.deps.jsm.consumers.update(stream, this.durable, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.deps.jsm.consumers.add(stream, config);
    }
    return stream;
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const message of messages) {
        this.queue.push(message);
        this.wake?.();
      }
    } catch (error) {
      this.logger.error({ err: error, consumer: this.durable }, 'consumer iterator failed');
    } finally {
      this.pumpDone = true;
      this.wake?.();
    }
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      if (this.queue.length === 0) {
        if (this.pumpDone) break;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      const batch = this.queue.splice(0, this.settings.batchSize);
      try {
        await this.processBatch(batch);
      } catch (error) {
        this.logger.error({ err: error, consumer: this.durable }, 'batch failed; returning messages for redelivery');
        for (const message of batch) message.nak(this.backoff(message));
      }
    }
  }

  private async processBatch(batch: JsMsg[]): Promise<void> {
    const started = process.hrtime.bigint();
    const prepared: Prepared[] = [];
    for (const message of batch) {
      const valid = await this.prepare(message);
      if (valid) prepared.push(valid);
    }
    if (prepared.length === 0) return;

    const outcomes = await this.handleInTransaction(prepared);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (let i = 0; i < prepared.length; i++) {
      const { message } = prepared[i];
      const outcome = outcomes[i];
      metrics.eventHandleSeconds.observe({ consumer: this.durable }, seconds);
      if (outcome.kind !== 'failed') {
        message.ack();
        metrics.eventsHandled.inc({ consumer: this.durable, outcome: outcome.kind });
      } else {
        await this.fail(message, outcome.error);
      }
    }
  }

  /** Parses and validates a delivery; invalid ones go to the dead letters at once. */
  private async prepare(message: JsMsg): Promise<Prepared | undefined> {
    let raw: unknown;
    try {
      raw = JSON.parse(UTF8.decode(message.data));
    } catch (error) {
      await this.deadLetter(message, { code: ErrorCode.MESSAGE_MALFORMED, message: `not a JSON document: ${(error as Error).message}` });
      return undefined;
    }
    try {
      const envelope = await validatePayload(EventEnvelopeDto, raw, { allowUnknown: true });
      await validatePayload(this.options.payload, envelope.data, { allowUnknown: true });
      return { message, envelope: raw as EventEnvelope };
    } catch (error) {
      const failure = error instanceof D115Error ? error : new D115Error(ErrorCode.VALIDATION_FAILED, String(error));
      await this.deadLetter(message, { code: failure.code, message: failure.message, details: failure.details });
      return undefined;
    }
  }

  /**
   * Fast path: one transaction, inbox rows for the whole batch in one statement,
   * handlers without savepoints. If a handler throws, the batch is rolled back
   * and replayed with a savepoint per message, so only the failing one fails.
   */
  private async handleInTransaction(prepared: Prepared[]): Promise<Outcome[]> {
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
    const runner = this.deps.dataSource.createQueryRunner();
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
      [this.durable, prepared.map((p) => p.envelope.id), prepared.map((p) => p.envelope.type)],
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
      if (fresh.size > 0) await this.runHandler(runner, item);
      await runner.query('RELEASE SAVEPOINT d115_event');
      return { kind: fresh.size > 0 ? 'handled' : 'duplicate' };
    } catch (error) {
      await runner.query('ROLLBACK TO SAVEPOINT d115_event');
      return { kind: 'failed', error };
    }
  }

  private async fail(message: JsMsg, error: unknown): Promise<void> {
    const deliveries = message.info.deliveryCount;
    const permanent = error instanceof D115Error && error.code === ErrorCode.VALIDATION_FAILED;
    const correlationId = message.headers?.get(Headers.correlationId) || undefined;
    this.logger.warn({ err: error, consumer: this.durable, deliveries, correlationId }, 'event handler failed');
    metrics.eventsHandled.inc({ consumer: this.durable, outcome: 'failed' });
    if (permanent || deliveries >= this.settings.maxDeliver) {
      const failure = error instanceof D115Error ? error : undefined;
      await this.deadLetter(message, {
        code: failure?.code ?? ErrorCode.HANDLER_FAILED,
        message: `${permanent ? 'rejected' : `failed ${deliveries} times`}: ${(error as Error)?.message ?? String(error)}`,
        details: failure?.details,
      });
    } else {
      message.nak(this.backoff(message));
    }
  }

  /** Stores the message in the dead letters, then terminates it; if storing fails, it is retried later. */
  private async deadLetter(message: JsMsg, reason: DeadLetterReason): Promise<void> {
    try {
      await this.deps.deadLetters.send(this.options.durable, message, reason);
      message.term(); // no reason text: servers before 2.10.4 ignore "+TERM <reason>"
      this.logger.error({ consumer: this.durable, reason: reason.code, error: reason.message }, 'message sent to dead letters');
    } catch (error) {
      this.logger.error({ err: error, consumer: this.durable }, 'could not store dead letter; will retry');
      message.nak(this.backoff(message));
    }
  }

  private backoff(message: JsMsg): number {
    const list = this.settings.backoffMs;
    return list[Math.min(message.info.deliveryCount - 1, list.length - 1)] ?? 1000;
  }
}
