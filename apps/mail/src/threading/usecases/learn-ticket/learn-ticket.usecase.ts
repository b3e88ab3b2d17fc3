import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketCreatedEvent } from '@d115/contracts';
import { normalizeMessageId } from '../../../parsing/message-ids';
import { ThreadingRepository } from '../../threading.repository';

/**
 * Learns a new ticket: its number, the citizen's address, and the mails that
 * opened it, whose senders become participants (they may reply without the
 * ticket number in the subject).
 */
@Injectable()
export class LearnTicketUsecase {
  constructor(private readonly repository: ThreadingRepository) {}

  async execute(manager: EntityManager, event: TicketCreatedEvent): Promise<void> {
    const citizen = event.citizen?.email?.toLowerCase();
    await this.repository.upsertTicket(manager, {
      ticketId: event.ticketId,
      number: event.number,
      citizenEmail: citizen,
      participants: citizen ? [citizen] : [],
    });
    const ids = (event.mailMessageIds ?? []).map(normalizeMessageId).filter((id): id is string => Boolean(id));
    const senders = await this.repository.linkToTicket(manager, ids, event.ticketId);
    await this.repository.addParticipants(manager, event.ticketId, senders);
  }
}
