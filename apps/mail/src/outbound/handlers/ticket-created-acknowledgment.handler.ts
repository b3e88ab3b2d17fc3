import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, TicketCreatedEvent, TicketEvents } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { QueueAcknowledgmentUsecase } from '../usecases/queue-acknowledgment/queue-acknowledgment.usecase';

@Injectable()
@EventConsumer({ durable: 'ticket-created-acknowledgment', subjects: [TicketEvents.created], payload: TicketCreatedEvent })
export class TicketCreatedAcknowledgmentHandler implements EventHandler<TicketCreatedEvent> {
  constructor(private readonly usecase: QueueAcknowledgmentUsecase) {}

  handle(event: EventEnvelope<TicketCreatedEvent>, manager: EntityManager): Promise<void> {
    return this.usecase.execute(manager, event.data);
  }
}
