import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, TicketEvents, TicketForwardedEvent } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { LearnForwardingUsecase } from '../usecases/learn-forwarding/learn-forwarding.usecase';

@Injectable()
@EventConsumer({ durable: 'ticket-forwarded', subjects: [TicketEvents.forwarded], payload: TicketForwardedEvent })
export class TicketForwardedHandler implements EventHandler<TicketForwardedEvent> {
  constructor(private readonly usecase: LearnForwardingUsecase) {}

  handle(event: EventEnvelope<TicketForwardedEvent>, manager: EntityManager): Promise<void> {
    return this.usecase.execute(manager, event.data);
  }
}
