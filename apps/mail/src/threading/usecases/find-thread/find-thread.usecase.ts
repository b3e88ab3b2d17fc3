import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailClassification } from '@d115/contracts';
import { ThreadHint } from '../../thread-hint';
import { TicketTag } from '../../ticket-tag';
import { ThreadingRepository } from '../../threading.repository';

export interface FindThreadInput {
  subject: string;
  /** Normalized Message-IDs. */
  inReplyTo?: string;
  references: string[];
  /** For bounces and reports: the Message-ID of the mail they are about. */
  originalMessageId?: string;
  sender?: string;
  classification: MailClassification;
}

/** At most this many Message-IDs of a References header are looked up (the newest). */
const MAX_REFERENCES = 50;

/**
 * Finds the case a mail belongs to: by the ticket number in the subject, or by
 * In-Reply-To/References naming a mail of the case. A person who is not a
 * participant of the case (citizen, authority, recipient of our mail) is only
 * attached with the ticket number in the subject; replying to an old thread
 * without it opens a new case that references the old one. Automated mail
 * (auto-replies, bounces, reports) attaches by references: it opens nothing.
 */
@Injectable()
export class FindThreadUsecase {
  constructor(
    private readonly repository: ThreadingRepository,
    private readonly tag: TicketTag,
  ) {}

  async execute(manager: EntityManager, input: FindThreadInput): Promise<ThreadHint | undefined> {
    const number = this.tag.find(input.subject);
    const ids = [input.originalMessageId, input.inReplyTo, ...input.references.slice(-MAX_REFERENCES).reverse()].filter((id): id is string => Boolean(id));
    const byReference = (await this.repository.findByMessageIds(manager, [...new Set(ids)]))[0];

    if (number) {
      if (byReference?.number === number) return { ticketId: byReference.ticketId, ticketNumber: number, reason: 'subject-and-references' };
      const ticket = await this.repository.findTicketByNumber(manager, number);
      return { ...(ticket ? { ticketId: ticket.ticketId } : {}), ticketNumber: number, reason: 'subject' };
    }
    if (!byReference) return undefined;
    if (input.classification !== 'normal') return { ticketId: byReference.ticketId, ticketNumber: byReference.number, reason: 'references' };

    const ticket = await this.repository.findTicket(manager, byReference.ticketId);
    const sender = input.sender?.toLowerCase();
    if (sender && ticket?.participants.includes(sender)) {
      return { ticketId: byReference.ticketId, ticketNumber: byReference.number, reason: 'references' };
    }
    return { ticketId: byReference.ticketId, ticketNumber: byReference.number, reason: 'stranger-reply', newCase: true };
  }
}
