import { Injectable } from '@nestjs/common';
import { GetTicketStatusRequest, NextStep, TicketErrorCode, TicketState, TicketStatusView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { TicketsException } from '../../../shared/tickets.exception';
import { CasesRepository } from '../../cases.repository';
import { statusKeyMatches } from '../../domain/status-key';

const NEXT_STEP: Record<TicketState, NextStep> = {
  new: 'in_progress',
  open: 'in_progress',
  pending_citizen: 'awaiting_citizen',
  pending_authority: 'with_authority',
  answered: 'answered',
  closed: 'closed',
};

/**
 * A citizen's look-up of their case by number and access key: state, last change and
 * next step only. Unknown number, wrong key and an anonymised case all answer the same
 * TICKET.NOT_FOUND, so a number cannot be confirmed by probing.
 */
@Injectable()
export class GetTicketStatusUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: GetTicketStatusRequest): Promise<TicketStatusView> {
    const ticket = await this.cases.findByNumber(this.transactions.manager, query.number);
    if (!statusKeyMatches(query.key, ticket?.statusKeyHash) || !ticket || ticket.anonymizedAt) {
      throw new TicketsException(TicketErrorCode.NOT_FOUND, 'no case with this number and key');
    }
    return { number: ticket.number, state: ticket.state, lastChangedAt: ticket.updatedAt.toISOString(), nextStep: NEXT_STEP[ticket.state] };
  }
}
