import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, TicketCreatedEvent, TicketEvents } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { LearnTicketUsecase } from '../usecases/learn-ticket/learn-ticket.usecase';

@Injectable()
@EventConsumer({ durable: 'ticket-created', subjects: [TicketEvents.created], payload: TicketCreatedEvent })
export class TicketCreatedHandler implements EventHandler<TicketCreatedEvent> {
  constructor(private readonly usecase: LearnTicketUsecase) {}

  handle(event: EventEnvelope<TicketCreatedEvent>, manager: EntityManager): Promise<void> {
    return this.usecase.execute(manager, event.data);
  }
}
