import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GetTicketRequest, TicketErrorCode } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { AuditRepository, READ } from '../../../audit/audit.repository';
import { TicketsException } from '../../../shared/tickets.exception';
import { CasesRepository } from '../../cases.repository';
import { Ticket } from '../../entities/ticket.entity';
import { inScope } from '../../domain/municipality-scope';

/**
 * The first step of every read of a case: the case by id or number, within the actor's
 * municipalities (outside them it is not found, as an unknown one is), and the read
 * recorded in the audit history in the same transaction.
 */
@Injectable()
export class ReadableTicket {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async open(manager: EntityManager, query: GetTicketRequest): Promise<Ticket> {
    const ticket = query.ticketId ? await this.cases.find(manager, query.ticketId) : query.number ? await this.cases.findByNumber(manager, query.number) : null;
    if (!ticket || !inScope(ticket.ars, query.scope)) {
      throw new TicketsException(TicketErrorCode.NOT_FOUND, `ticket ${query.ticketId ?? query.number ?? '(neither id nor number given)'} does not exist`);
    }
    await this.audit.record(manager, { ticketId: ticket.id, subjectId: ticket.id, actor: query.actor, action: READ, at: this.clock.now() });
    return ticket;
  }
}
