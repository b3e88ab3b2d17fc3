import { Injectable } from '@nestjs/common';
import { TicketView, TransitionTicketRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toTicketView } from '../../domain/ticket.mapper';
import { TicketWorkflow } from '../../ticket-workflow';

/** One step of the state machine; an illegal step is refused with TICKET.ILLEGAL_TRANSITION. */
@Injectable()
export class TransitionTicketUsecase {
  constructor(
    private readonly workflow: TicketWorkflow,
    private readonly transactions: Transactions,
  ) {}

  execute(cmd: TransitionTicketRequest): Promise<TicketView> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.workflow.loadForChange(manager, cmd.ticketId, cmd.expectedVersion, cmd.scope);
      return toTicketView(await this.workflow.moveTo(manager, ticket, cmd.to, cmd.actor, cmd.reason));
    });
  }
}
