import { Injectable } from '@nestjs/common';
import { AuditEntryView, GetTicketRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { AuditRepository } from '../../../audit/audit.repository';
import { toAuditEntryView } from '../../domain/ticket.mapper';
import { ReadableTicket } from '../get-ticket/readable-ticket';

/** The whole audit history of a case — every change and every read, this one included. */
@Injectable()
export class GetTicketHistoryUsecase {
  constructor(
    private readonly readable: ReadableTicket,
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
  ) {}

  execute(query: GetTicketRequest): Promise<AuditEntryView[]> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.readable.open(manager, query);
      return (await this.audit.forTicket(manager, ticket.id)).map(toAuditEntryView);
    });
  }
}
