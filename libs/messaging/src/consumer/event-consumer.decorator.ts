import { SetMetadata } from '@nestjs/common';
import { ClassConstructor } from 'class-transformer';
import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@d115/contracts';

export interface EventConsumerOptions {
  /** Durable name, unique within the service, e.g. `ticket-created`. */
  durable: string;
  /** Documented subjects this consumer takes (may use NATS wildcards). */
  subjects: string[];
  /** Contract class of `data`; every delivery is validated against it. */
  payload: ClassConstructor<object>;
  /** Deliveries before the message goes to the dead letters (default from env). */
  maxDeliver?: number;
}

/** What a consumer class implements: its work, inside the transaction that also records the inbox entry. */
export interface EventHandler<T = unknown> {
  handle(event: EventEnvelope<T>, manager: EntityManager): Promise<void>;
  /**
   * Optional: work a handler collected over several `handle` calls (a batch), done once before
   * the transaction commits — in the same transaction, so it commits or fails with them. When it
   * fails, the batch is replayed one event at a time, with `flush` after each.
   */
  flush?(manager: EntityManager): Promise<void>;
}

export const EVENT_CONSUMER = Symbol('EVENT_CONSUMER');

/** Marks a provider as a durable JetStream consumer; the messaging module finds and runs it. */
export const EventConsumer = (options: EventConsumerOptions): ClassDecorator => SetMetadata(EVENT_CONSUMER, options);
