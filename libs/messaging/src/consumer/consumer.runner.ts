import { AckPolicy, Consumer, ConsumerConfig, ConsumerMessages, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg, nanos } from 'nats';
import { DataSource } from 'typeorm';
import { D115Error, ErrorCode, EventEnvelope, EventEnvelopeDto, Headers, ServiceName, validatePayload } from '@d115/contracts';
import { childLogger, metrics } from '@d115/observability';
import { Namespace } from '../nats/namespace';
import { isNotFound, STREAMS, streamKeyFor } from '../nats/streams';
import { DatabasePause } from './database-pause';
import { InboxBatch, Prepared } from './inbox-batch';
import { DeadLetterReason, DeadLetters } from './dead-letters';
import { EventConsumerOptions, EventHandler } from './event-consumer.decorator';

export interface ConsumerSettings {
  /** Deliveries before a failing message goes to the dead letters. */
  maxDeliver: number;
  /** Redelivery delay after the n-th failed delivery (last value repeats). */
  backoffMs: number[];
  /** Messages handled in one database transaction (one savepoint each). */
  batchSize: number;
  /**
   * How long the server waits for an ack before it redelivers to another
   * instance: the recovery time after a consumer process dies. Messages held
   * longer (a slow batch, a database pause) are kept with in-progress signals.
   */
  ackWaitMs: number;
  maxAckPending: number;
  /** While the database is unavailable: how often it is probed (SELECT 1). */
  probeIntervalMs: number;
}

export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = {
  maxDeliver: 5,
  backoffMs: [1000, 5000, 30000],
  batchSize: 64,
  ackWaitMs: 5000,
  maxAckPending: 1000,
  probeIntervalMs: 200,
};

/** Strict: a body that is not valid UTF-8 is malformed, not silently repaired. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Runs one durable consumer: validates every delivery, handles a batch of
 * deliveries in one transaction (a savepoint each) that also records each event
 * id in the inbox, acks only after commit, retries failures with backoff, and
 * dead-letters what cannot succeed. Never throws out of its loop.
 *
 * Crash recovery rests on a short ack wait: what a dead instance held is
 * redelivered to another one after `ackWaitMs`. Whatever this instance holds
 * longer than a quarter of it (a slow batch, the queue behind it, a database
 * pause) gets an in-progress signal (`working()`), so it is not redelivered
 * while this instance is alive. An ack lost to a NATS reconnect means one
 * redelivery after `ackWaitMs`, which the inbox makes harmless.
 *
 * An unavailable database is not a handler failure: the batch is kept in hand
 * (not nak'ed, so neither our count nor the server's grows), handling stops,
 * the database is probed every `probeIntervalMs`, and the same batch is retried
 * as soon as it answers. Nothing is dead-lettered because the database was down.
 */
export class ConsumerRunner {
  private readonly logger = childLogger('consumer');
  private readonly durable: string;
  private readonly settings: ConsumerSettings;
  private messages?: ConsumerMessages;
  private queue: JsMsg[] = [];
  /** Every delivery not yet acked, nak'ed or terminated, with whether it was held at the last heartbeat. */
  private readonly held = new Map<JsMsg, boolean>();
  private heartbeat?: NodeJS.Timeout;
  private wake?: () => void;
  private stopping = false;
  private readonly database: DatabasePause;
  private readonly inbox: InboxBatch;
  private pumpDone = false;
  private pump?: Promise<void>;
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
    this.database = new DatabasePause(deps.dataSource, this.durable, this.settings.probeIntervalMs, () => this.stopping);
    this.inbox = new InboxBatch(deps.dataSource, this.durable, handler);
  }

  get name(): string {
    return this.durable;
  }

  async start(): Promise<void> {
    const stream = await this.ensureConsumer();
    const consumer = await this.deps.js.consumers.get(stream, this.durable);
    this.messages = await this.open(consumer);
    this.pump = this.fetch(consumer, this.messages);
    this.worker = this.work();
    const every = Math.max(Math.floor(this.settings.ackWaitMs / 4), 50);
    this.heartbeat = setInterval(() => this.signalInProgress(), every);
    this.heartbeat.unref();
    this.logger.info({ consumer: this.durable, subjects: this.options.subjects, ackWaitMs: this.settings.ackWaitMs }, 'consumer started');
  }

  /** Stops pulling, finishes the batch in hand, returns the rest to the server. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.messages?.close().catch(() => undefined);
    this.wake?.();
    await this.worker;
    await this.pump;
    clearInterval(this.heartbeat);
    for (const message of this.queue.splice(0)) this.settle(message, 'nak');
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
      // An existing durable (created with another ack wait, say) is brought up to date.
      await this.deps.jsm.consumers.info(stream, this.durable);
      await this.deps.jsm.consumers.update(stream, this.durable, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.deps.jsm.consumers.add(stream, config);
    }
    return stream;
  }

  private open(consumer: Consumer): Promise<ConsumerMessages> {
    return consumer.consume({ max_messages: Math.max(this.settings.batchSize * 2, 16) });
  }

  /** Moves deliveries into the queue; an iterator that ends on its own is reopened. */
  private async fetch(consumer: Consumer, first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    while (!this.stopping) {
      try {
        messages ??= this.messages = await this.open(consumer);
        for await (const message of messages) {
          this.held.set(message, false);
          this.queue.push(message);
          this.wake?.();
        }
      } catch (error) {
        this.logger.error({ err: error, consumer: this.durable }, 'consumer iterator failed');
      }
      messages = this.messages = undefined;
      if (!this.stopping) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    this.pumpDone = true;
    this.wake?.();
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
        this.database.succeeded();
      } catch (error) {
        const unsettled = batch.filter((message) => this.held.has(message));
        if (await this.database.keep(error, () => this.held.size)) {
          this.queue.unshift(...unsettled);
          continue;
        }
        this.logger.error({ err: error, consumer: this.durable }, 'batch failed; returning messages for redelivery');
        for (const message of unsettled) this.settle(message, 'nak', this.backoff(message));
      }
    }
  }

  /** In-progress signal for every delivery held since the previous beat (so at most half the ack wait without one). */
  private signalInProgress(): void {
    for (const [message, heldBefore] of this.held) {
      if (heldBefore) message.working();
      else this.held.set(message, true);
    }
  }

  private settle(message: JsMsg, how: 'ack' | 'nak' | 'term', delayMs?: number): void {
    this.held.delete(message);
    if (how === 'ack') message.ack();
    else if (how === 'nak') message.nak(delayMs);
    else message.term(); // no reason text: servers before 2.10.4 ignore "+TERM <reason>"
  }

  private async processBatch(batch: JsMsg[]): Promise<void> {
    const started = process.hrtime.bigint();
    const prepared: Prepared[] = [];
    for (const message of batch) {
      const valid = await this.prepare(message);
      if (valid) prepared.push(valid);
    }
    if (prepared.length === 0) return;

    const outcomes = await this.inbox.handle(prepared);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (let i = 0; i < prepared.length; i++) {
      const { message } = prepared[i];
      const outcome = outcomes[i];
      metrics.eventHandleSeconds.observe({ consumer: this.durable }, seconds);
      if (outcome.kind !== 'failed') {
        this.settle(message, 'ack');
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
      raw = this.options.decode ? this.options.decode(message) : JSON.parse(UTF8.decode(message.data));
    } catch (error) {
      const failure = error instanceof D115Error ? error : undefined;
      const reason = failure?.message ?? `not a JSON document: ${(error as Error).message}`;
      await this.deadLetter(message, { code: failure?.code ?? ErrorCode.MESSAGE_MALFORMED, message: reason, details: failure?.details });
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
      this.settle(message, 'nak', this.backoff(message));
    }
  }

  /** Stores the message in the dead letters, then terminates it; if storing fails, it is retried later. */
  private async deadLetter(message: JsMsg, reason: DeadLetterReason): Promise<void> {
    try {
      await this.deps.deadLetters.send(this.options.durable, message, reason);
      this.settle(message, 'term');
      this.logger.error({ consumer: this.durable, reason: reason.code, error: reason.message }, 'message sent to dead letters');
    } catch (error) {
      this.logger.error({ err: error, consumer: this.durable }, 'could not store dead letter; will retry');
      this.settle(message, 'nak', this.backoff(message));
    }
  }

  private backoff(message: JsMsg): number {
    const list = this.settings.backoffMs;
    return list[Math.min(message.info.deliveryCount - 1, list.length - 1)] ?? 1000;
  }
}
