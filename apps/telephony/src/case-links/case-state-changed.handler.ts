import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, TicketEvents, TicketStateChangedEvent } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { RecordCaseStateUsecase } from './usecases/record-case-state/record-case-state.usecase';

@Injectable()
@EventConsumer({ durable: 'case-state-changed', subjects: [TicketEvents.stateChanged], payload: TicketStateChangedEvent })
export class CaseStateChangedHandler implements EventHandler<TicketStateChangedEvent> {
  constructor(private readonly recordCaseState: RecordCaseStateUsecase) {}

  handle(event: EventEnvelope<TicketStateChangedEvent>, manager: EntityManager): Promise<void> {
    return this.recordCaseState.execute(manager, event.data, new Date(event.time));
  }
}
