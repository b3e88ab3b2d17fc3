import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CtiCallEvent, EventEnvelope, TelephonyInbound } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { CallSignal } from '../../calls/call-signal';
import { AcceptSignalsUsecase } from '../../calls/usecases/accept-signals/accept-signals.usecase';
import { ctiSignals } from './cti-signals';

/**
 * Generic CTI call events from JetStream; invalid ones go to the dead letters with the reason.
 * The signals of a consumer batch are folded together at its end (one round of queries for
 * the batch, in its transaction), as the AMI adapter folds its batches.
 */
@Injectable()
@EventConsumer({ durable: 'cti-call', subjects: [TelephonyInbound.call], payload: CtiCallEvent })
export class CtiCallHandler implements EventHandler<CtiCallEvent> {
  private readonly pending = new WeakMap<EntityManager, CallSignal[]>();

  constructor(private readonly signals: AcceptSignalsUsecase) {}

  async handle(event: EventEnvelope<CtiCallEvent>, manager: EntityManager): Promise<void> {
    const list = this.pending.get(manager) ?? [];
    list.push(...ctiSignals(event.data, new Date(event.time)));
    this.pending.set(manager, list);
  }

  async flush(manager: EntityManager): Promise<void> {
    const list = this.pending.get(manager);
    this.pending.delete(manager);
    if (list?.length) await this.signals.fold(manager, list);
  }
}
