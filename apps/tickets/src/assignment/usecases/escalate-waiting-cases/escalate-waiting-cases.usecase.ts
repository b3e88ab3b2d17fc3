import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { Transactions } from '@d115/database';
import { TicketPatch } from '../../../cases/cases.repository';
import { TicketWorkflow } from '../../../cases/ticket-workflow';
import { TicketsEnv } from '../../../config/tickets.env';
import { RoutingSignals } from '../../../shared/routing-signals';
import { AssignmentRepository } from '../../assignment.repository';

/**
 * Scheduled: a case that waited too long at its routing rule's level moves to
 * the rule's next step — another queue, a wider skill requirement, a higher
 * priority (like TaskRouter workflow targets with timeouts). `afterMinutes` of a
 * step counts from the previous step.
 */
@Injectable()
export class EscalateWaitingCasesUsecase implements OnModuleInit {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly workflow: TicketWorkflow,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'escalation', run: () => this.execute() });
  }

  execute(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const due = await this.repository.claimDueEscalations(manager, now, this.env.TICKETS_SCHEDULER_BATCH);
      for (const ticket of due) {
        const step = ticket.escalationSteps[ticket.escalationLevel];
        const next = ticket.escalationSteps[ticket.escalationLevel + 1];
        const patch: TicketPatch = {
          escalationLevel: ticket.escalationLevel + 1,
          escalateAt: next ? new Date(now.getTime() + next.afterMinutes * 60_000) : null,
        };
        if (step?.queue) patch.queueId = step.queue;
        if (step?.requiredSkills) patch.requiredSkills = step.requiredSkills;
        if (step?.priority !== undefined) patch.priority = step.priority;
        await this.workflow.change(manager, ticket, patch, 'system:routing', { action: 'escalated' });
        this.transactions.afterCommit(manager, () => this.signals.caseWaiting(ticket.id));
      }
      return due.length;
    });
  }
}
