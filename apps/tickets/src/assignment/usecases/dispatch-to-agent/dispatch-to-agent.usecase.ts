import { Inject, Injectable } from '@nestjs/common';
import { Clock, ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { TicketsEnv } from '../../../config/tickets.env';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignmentSteps } from '../../assignment-steps';
import { channelsWithRoom, roomLeft } from '../../domain/capacity';

/**
 * An agent has room: offer them the best cases they may serve, as many as
 * their capacity allows. Skips an agent another transaction holds.
 */
@Injectable()
export class DispatchToAgentUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  execute(agentId: string): Promise<number> {
    return this.transactions.run(async (manager) => {
      const agent = await this.repository.lockAgent(manager, agentId, { skipLocked: true });
      if (!agent || agent.presence !== 'available') return 0;
      const at = this.clock.now();
      await this.repository.markDispatchChecked(manager, agent.id, at);
      const declinedSince = new Date(at.getTime() - this.env.TICKETS_DECLINE_COOLDOWN_S * 1000);
      let offered = 0;
      for (let room = roomLeft(agent.capacity, agent.load); room > 0; room--) {
        const ticket = await this.repository.claimBestCase(manager, agent, { channels: channelsWithRoom(agent.capacity, agent.load), declinedSince });
        if (!ticket) break;
        if (!(await this.steps.reserve(manager, ticket, agent.id, ticket.reservationTimeoutSeconds, at))) break;
        agent.load = { ...agent.load, [ticket.channel]: (agent.load[ticket.channel] ?? 0) + 1 };
        offered++;
      }
      return offered;
    });
  }
}
