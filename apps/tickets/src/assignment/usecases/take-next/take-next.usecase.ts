import { Injectable } from '@nestjs/common';
import { TakeNextReply, TakeNextRequest, TicketErrorCode, TicketEvents } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { toTicketView } from '../../../cases/domain/ticket.mapper';
import { TicketsException } from '../../../shared/tickets.exception';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignedKnownUpFront } from '../../assignment.sql';
import { AssignmentSteps } from '../../assignment-steps';

/**
 * "Take next": the highest-priority, longest-waiting case the agent may serve,
 * assigned at once — also one they declined earlier (they ask for it now).
 */
@Injectable()
export class TakeNextUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(cmd: TakeNextRequest): Promise<TakeNextReply> {
    const at = this.clock.now();
    // The common case in one autocommit statement, event included.
    const assigned = { ...this.outbox.draft(TicketEvents.assigned), data: { agentId: cmd.agentId, via: 'take-next' } satisfies AssignedKnownUpFront };
    const fast = await this.transactions.session((session) => this.repository.takeNext(session, cmd.agentId, cmd.actor, at, assigned));
    if (fast.ticket) {
      this.outbox.committed();
      return { ticket: toTicketView(fast.ticket) };
    }
    return this.transactions.run(async (manager) => {
      const agent = fast.contended ? await this.repository.lockAgent(manager, cmd.agentId, { skipLocked: false }) : null;
      // Candidates existed but were held: first pass over held ones, then wait for the best
      // (a dispatcher probing it for an offer holds it only briefly).
      const ticket =
        agent && ((await this.repository.takeNextLocking(manager, agent, at)) ?? (await this.repository.takeNextLocking(manager, agent, at, { wait: true })));
      if (ticket) {
        await this.steps.assigned(manager, { ...ticket, ownerAgentId: null }, cmd.agentId, 'take-next', cmd.actor, at);
        return { ticket: toTicketView(ticket) };
      }
      if (!(await this.repository.agentExists(manager, cmd.agentId))) {
        throw new TicketsException(TicketErrorCode.AGENT_NOT_FOUND, `agent ${cmd.agentId} does not exist`);
      }
      return { ticket: null };
    });
  }
}
