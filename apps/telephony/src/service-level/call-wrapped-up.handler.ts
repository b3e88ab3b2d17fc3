import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallWrappedUpEvent, EventEnvelope, TelephonyEvents } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { RecordWrapUpUsecase } from './usecases/record-wrap-up/record-wrap-up.usecase';

@Injectable()
@EventConsumer({ durable: 'service-level-wrapped-up', subjects: [TelephonyEvents.callWrappedUp], payload: CallWrappedUpEvent })
export class CallWrappedUpHandler implements EventHandler<CallWrappedUpEvent> {
  constructor(private readonly recordWrapUp: RecordWrapUpUsecase) {}

  handle(event: EventEnvelope<CallWrappedUpEvent>, manager: EntityManager): Promise<void> {
    return this.recordWrapUp.execute(manager, event.data);
  }
}
