import { Injectable } from '@nestjs/common';
import { AgentView, GetAgentRequest, TicketErrorCode } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { TicketsException } from '../../../shared/tickets.exception';
import { toAgentView } from '../../agent.mapper';
import { AgentsRepository } from '../../agents.repository';

@Injectable()
export class GetAgentUsecase {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: GetAgentRequest): Promise<AgentView> {
    const agent = await this.agents.find(this.transactions.manager, query.agentId);
    if (!agent) throw new TicketsException(TicketErrorCode.AGENT_NOT_FOUND, `agent ${query.agentId} does not exist`);
    return toAgentView(agent);
  }
}
