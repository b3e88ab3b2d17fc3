import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallAnsweredEvent, EventEnvelope, TelephonyEvents } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { PopScreenUsecase } from './usecases/pop-screen/pop-screen.usecase';

@Injectable()
@EventConsumer({ durable: 'screen-pop', subjects: [TelephonyEvents.callAnswered], payload: CallAnsweredEvent })
export class CallAnsweredHandler implements EventHandler<CallAnsweredEvent> {
  constructor(private readonly popScreen: PopScreenUsecase) {}

  handle(event: EventEnvelope<CallAnsweredEvent>, manager: EntityManager): Promise<void> {
    return this.popScreen.execute(manager, event.data);
  }
}
