import { Injectable } from '@nestjs/common';
import { AddNoteRequest, TicketView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { TimelineRepository } from '../../../timeline/timeline.repository';
import { toTicketView } from '../../domain/ticket.mapper';
import { TicketWorkflow } from '../../ticket-workflow';

@Injectable()
export class AddNoteUsecase {
  constructor(
    private readonly workflow: TicketWorkflow,
    private readonly timeline: TimelineRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: AddNoteRequest): Promise<TicketView> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.workflow.loadForChange(manager, cmd.ticketId, cmd.expectedVersion, cmd.scope);
      const kind = cmd.kind ?? 'internal_note';
      const article = await this.timeline.add(manager, { ticketId: ticket.id, kind, author: cmd.actor, body: cmd.text, createdAt: this.clock.now() });
      return toTicketView(await this.workflow.touched(manager, ticket, cmd.actor, 'articles', { action: `${kind}-added`, newValue: article.id }));
    });
  }
}
