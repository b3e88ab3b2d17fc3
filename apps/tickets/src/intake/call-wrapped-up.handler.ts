import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallWrappedUpEvent, EventEnvelope, TelephonyEvents } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { IntakeCallUsecase } from './usecases/intake-call/intake-call.usecase';

@Injectable()
@EventConsumer({ durable: 'call-wrapped-up', subjects: [TelephonyEvents.callWrappedUp], payload: CallWrappedUpEvent })
export class CallWrappedUpHandler implements EventHandler<CallWrappedUpEvent> {
  constructor(private readonly intakeCall: IntakeCallUsecase) {}

  async handle(event: EventEnvelope<CallWrappedUpEvent>, manager: EntityManager): Promise<void> {
    await this.intakeCall.execute(manager, event.data);
  }
}
