import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, TicketCreatedEvent, TicketEvents } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { LinkOpenedCaseUsecase } from './usecases/link-opened-case/link-opened-case.usecase';

@Injectable()
@EventConsumer({ durable: 'case-opened', subjects: [TicketEvents.created], payload: TicketCreatedEvent })
export class CaseOpenedHandler implements EventHandler<TicketCreatedEvent> {
  constructor(private readonly linkOpenedCase: LinkOpenedCaseUsecase) {}

  handle(event: EventEnvelope<TicketCreatedEvent>, manager: EntityManager): Promise<void> {
    return this.linkOpenedCase.execute(manager, event.data);
  }
}
