import { Injectable } from '@nestjs/common';
import { GetTicketRequest, TicketDetailView, TicketErrorCode } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { SlaClockReader } from '../../../sla/sla-clock.reader';
import { TicketsException } from '../../../shared/tickets.exception';
import { TimelineRepository } from '../../../timeline/timeline.repository';
import { CasesRepository } from '../../cases.repository';
import { inScope } from '../../domain/municipality-scope';
import { toArticleView, toAuditEntryView, toTicketView } from '../../domain/ticket.mapper';

/** A case with timeline, history and SLA clocks. Every read is audited (who, when). */
@Injectable()
export class GetTicketUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly timeline: TimelineRepository,
    private readonly audit: AuditRepository,
    private readonly sla: SlaClockReader,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(query: GetTicketRequest): Promise<TicketDetailView> {
    return this.transactions.run(async (manager) => {
      const ticket = query.ticketId
        ? await this.cases.find(manager, query.ticketId)
        : query.number
          ? await this.cases.findByNumber(manager, query.number)
          : null;
      if (!ticket || !inScope(ticket.ars, query.scope)) {
        throw new TicketsException(TicketErrorCode.NOT_FOUND, `ticket ${query.ticketId ?? query.number ?? '(neither id nor number given)'} does not exist`);
      }
      await this.audit.record(manager, { ticketId: ticket.id, subjectId: ticket.id, actor: query.actor, action: 'read', at: this.clock.now() });
      const [articles, history, sla] = await Promise.all([
        this.timeline.forTicket(manager, ticket.id),
        this.audit.forTicket(manager, ticket.id),
        this.sla.viewsFor(manager, ticket.id),
      ]);
      return { ...toTicketView(ticket), articles: articles.map(toArticleView), history: history.map(toAuditEntryView), sla };
    });
  }
}
