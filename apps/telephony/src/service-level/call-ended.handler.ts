import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallEndedEvent, EventEnvelope, TelephonyEvents } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { RecordEndedCallUsecase } from './usecases/record-ended-call/record-ended-call.usecase';

@Injectable()
@EventConsumer({ durable: 'service-level-call-ended', subjects: [TelephonyEvents.callEnded], payload: CallEndedEvent })
export class CallEndedHandler implements EventHandler<CallEndedEvent> {
  constructor(private readonly recordEndedCall: RecordEndedCallUsecase) {}

  handle(event: EventEnvelope<CallEndedEvent>, manager: EntityManager): Promise<void> {
    return this.recordEndedCall.execute(manager, event.data);
  }
}
