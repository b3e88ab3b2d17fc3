import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketForwardedEvent } from '@d115/contracts';
import { ThreadingRepository } from '../../threading.repository';

/** The authority a case was forwarded to may answer it by mail: it becomes a participant. */
@Injectable()
export class LearnForwardingUsecase {
  constructor(private readonly repository: ThreadingRepository) {}

  execute(manager: EntityManager, event: TicketForwardedEvent): Promise<void> {
    return this.repository.upsertTicket(manager, { ticketId: event.ticketId, number: event.number, participants: [event.authorityEmail] });
  }
}
