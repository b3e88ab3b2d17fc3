import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ENV, Scheduler } from '@d115/platform';
import { Transactions } from '@d115/database';
import { TicketsEnv } from '../../../config/tickets.env';
import { AssignmentRepository } from '../../assignment.repository';
import { DispatchToAgentUsecase } from '../dispatch-to-agent/dispatch-to-agent.usecase';

/**
 * Scheduled safety net: while cases wait, every available agent with room is
 * looked at in turn (least recently first) and offered what they may serve.
 * Catches what in-process hints miss — a hint lost in a crash, a case skipped
 * because its only eligible agent was locked for a moment, work another
 * instance freed — so no case waits forever while an eligible agent is free.
 */
@Injectable()
export class DispatchPassUsecase implements OnModuleInit {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly dispatch: DispatchToAgentUsecase,
    private readonly transactions: Transactions,
    private readonly scheduler: Scheduler,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'dispatch', run: () => this.execute() });
  }

  async execute(): Promise<number> {
    if (!(await this.repository.anyWaiting(this.transactions.manager))) return 0;
    let offered = 0;
    for (const agentId of await this.repository.agentsWithRoom(this.transactions.manager, this.env.TICKETS_SCHEDULER_BATCH)) {
      offered += await this.dispatch.execute(agentId);
    }
    return offered;
  }
}
