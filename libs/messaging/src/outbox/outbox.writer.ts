import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EventAbout, EventEnvelope, eventTypeOf } from '@d115/contracts';
import { correlationId } from '@d115/observability';
import { OutboxSignal } from './outbox.signal';

export interface NewEvent<T> {
  /** Documented subject, e.g. `d115.events.tickets.ticket.created`. */
  subject: string;
  data: T;
  /** CloudEvents `subject`: what the event is about, from `eventAbout('ticket', id)`. */
  about?: EventAbout;
}

/**
 * Writes events into the service's outbox inside the caller's transaction: the
 * event exists if and only if the state change it reports was committed.
 */
export class OutboxWriter {
  constructor(
    private readonly schema: string,
    private readonly source: string,
    private readonly signal?: OutboxSignal,
  ) {}

  async append<T>(manager: EntityManager, events: NewEvent<T> | NewEvent<T>[]): Promise<EventEnvelope<T>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside a transaction');
    }
    const envelopes = await this.insert(manager, events);
    this.signal?.mark(manager.queryRunner);
    return envelopes;
  }

  /**
   * For facts that come with no state change of their own (an outside system's
   * message passed on, a notice): one autocommit INSERT, durable when it returns.
   */
  async publish<T>(executor: Pick<EntityManager, 'query'>, events: NewEvent<T> | NewEvent<T>[]): Promise<EventEnvelope<T>[]> {
    const envelopes = await this.insert(executor, events);
    this.signal?.committed();
    return envelopes;
  }

  /**
   * The envelope of an event whose `data` (and CloudEvents `subject`) a single SQL
   * statement will fill in from the rows it changes, with the outbox insert in the
   * same statement. Call `committed()` once that statement has run in autocommit.
   */
  draft(subject: string): { id: string; subject: string; envelope: Omit<EventEnvelope, 'data'> } {
    const { data: _data, ...envelope } = this.envelope({ subject, data: null });
    return { id: envelope.id, subject, envelope };
  }

  /** Outbox rows were committed by a statement of the caller's own (see `draft`). */
  committed(): void {
    this.signal?.committed();
  }

  private async insert<T>(executor: Pick<EntityManager, 'query'>, events: NewEvent<T> | NewEvent<T>[]): Promise<EventEnvelope<T>[]> {
    const list = Array.isArray(events) ? events : [events];
    if (list.length === 0) return [];
    const envelopes = list.map((event) => this.envelope(event));
    const values: unknown[] = [];
    const rows = envelopes.map((envelope, i) => {
      values.push(envelope.id, list[i].subject, JSON.stringify(envelope));
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
    });
    await executor.query(`INSERT INTO ${this.schema}.outbox (id, subject, envelope) VALUES ${rows.join(', ')}`, values);
    return envelopes;
  }

  private envelope<T>(event: NewEvent<T>): EventEnvelope<T> {
    return {
      specversion: '1.0',
      id: uuidv7(),
      source: this.source,
      type: eventTypeOf(event.subject),
      time: new Date().toISOString(),
      ...(event.about ? { subject: event.about } : {}),
      datacontenttype: 'application/json',
      correlationid: correlationId(),
      data: event.data,
    };
  }
}
