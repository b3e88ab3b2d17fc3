import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CtiCallEvent, EventEnvelope, TelephonyInbound } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { AcceptSignalsUsecase } from '../../calls/usecases/accept-signals/accept-signals.usecase';
import { ctiSignals } from './cti-signals';

/** Generic CTI call events from JetStream; invalid ones go to the dead letters with the reason. */
@Injectable()
@EventConsumer({ durable: 'cti-call', subjects: [TelephonyInbound.call], payload: CtiCallEvent })
export class CtiCallHandler implements EventHandler<CtiCallEvent> {
  constructor(private readonly signals: AcceptSignalsUsecase) {}

  async handle(event: EventEnvelope<CtiCallEvent>, manager: EntityManager): Promise<void> {
    await this.signals.fold(manager, ctiSignals(event.data, new Date(event.time)));
  }
}
