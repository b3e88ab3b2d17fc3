import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketStateChangedEvent } from '@d115/contracts';
import { CaseLinksRepository } from '../../case-links.repository';

/**
 * A case closed (at the time of the tickets service's event) or reopened. Events of one case may
 * be handled out of order (redelivery); the case's version decides which report stands.
 */
@Injectable()
export class RecordCaseStateUsecase {
  constructor(private readonly links: CaseLinksRepository) {}

  execute(manager: EntityManager, change: TicketStateChangedEvent, at: Date): Promise<void> {
    return this.links.recordState(manager, change.ticketId, change.to === 'closed' ? at : null, change.version);
  }
}
