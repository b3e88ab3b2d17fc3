import { Inject, Injectable } from '@nestjs/common';
import { Clock, ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { CasesRepository } from '../../../cases/cases.repository';
import { isActive } from '../../../cases/domain/ticket-state-machine';
import { TicketsEnv } from '../../../config/tickets.env';
import { QueuesRepository } from '../../../queues/queues.repository';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignmentSteps } from '../../assignment-steps';

/**
 * A case is waiting: offer it to the best agent now (the available one who may
 * serve it, has room and waited longest). Skips a case another transaction
 * holds — whoever holds it decides its fate.
 */
@Injectable()
export class OfferCaseUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly cases: CasesRepository,
    private readonly queues: QueuesRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  execute(ticketId: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.cases.tryLock(manager, ticketId);
      if (!ticket || ticket.routingStatus !== 'queued' || !isActive(ticket.state)) return false;
      const at = this.clock.now();
      const agent = await this.repository.claimBestAgent(manager, ticket, new Date(at.getTime() - this.env.TICKETS_DECLINE_COOLDOWN_S * 1000));
      if (!agent) return false;
      const queue = await this.queues.find(manager, ticket.queueId);
      return !!(await this.steps.reserve(manager, ticket, agent.id, queue!.reservationTimeoutSeconds, at));
    });
  }
}
