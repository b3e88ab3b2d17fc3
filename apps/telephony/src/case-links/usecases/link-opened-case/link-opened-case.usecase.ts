import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketCreatedEvent } from '@d115/contracts';
import { CaseLinksRepository } from '../../case-links.repository';

const FROM_CALL = /^call:([0-9a-f-]{36})$/i;

/**
 * A case the tickets service opened from a wrap-up (`originRef` `call:<callId>`) is related to
 * that call; other cases are remembered only by their state (a screen pop may link them later).
 */
@Injectable()
export class LinkOpenedCaseUsecase {
  constructor(private readonly links: CaseLinksRepository) {}

  async execute(manager: EntityManager, ticket: TicketCreatedEvent): Promise<void> {
    await this.links.recordState(manager, ticket.ticketId, null, 1);
    const call = FROM_CALL.exec(ticket.originRef ?? '');
    if (call) await this.links.link(manager, call[1].toLowerCase(), [ticket.ticketId], 'wrap-up');
  }
}
