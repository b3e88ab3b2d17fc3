import { Injectable } from '@nestjs/common';
import { GetTicketRequest, TicketDetailView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { AuditRepository } from '../../../audit/audit.repository';
import { SlaClockReader } from '../../../sla/sla-clock.reader';
import { TimelineRepository } from '../../../timeline/timeline.repository';
import { toArticleView, toAuditEntryView, toTicketView } from '../../domain/ticket.mapper';
import { ReadableTicket } from './readable-ticket';

/**
 * A case with timeline, change history and SLA clocks. Every read is audited (who, when);
 * who read the case is not part of this view — that is the audit history, for supervisors
 * (`d115.tickets.history`).
 */
@Injectable()
export class GetTicketUsecase {
  constructor(
    private readonly readable: ReadableTicket,
    private readonly timeline: TimelineRepository,
    private readonly audit: AuditRepository,
    private readonly sla: SlaClockReader,
    private readonly transactions: Transactions,
  ) {}

  execute(query: GetTicketRequest): Promise<TicketDetailView> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.readable.open(manager, query);
      const [articles, changes, sla] = await Promise.all([
        this.timeline.forTicket(manager, ticket.id),
        this.audit.changesOf(manager, ticket.id),
        this.sla.viewsFor(manager, ticket.id),
      ]);
      return { ...toTicketView(ticket), articles: articles.map(toArticleView), history: changes.map(toAuditEntryView), sla };
    });
  }
}
