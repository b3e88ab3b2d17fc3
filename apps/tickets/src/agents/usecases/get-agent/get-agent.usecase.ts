import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgentView, GetAgentRequest, TicketErrorCode } from '@d115/contracts';
import { DATA_SOURCE } from '@d115/platform';
import { TicketsException } from '../../../shared/tickets.exception';
import { toAgentView } from '../../agent.mapper';
import { AgentsRepository } from '../../agents.repository';

@Injectable()
export class GetAgentUsecase {
  constructor(
    private readonly agents: AgentsRepository,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async execute(query: GetAgentRequest): Promise<AgentView> {
    const agent = await this.agents.find(this.dataSource.manager, query.agentId);
    if (!agent) throw new TicketsException(TicketErrorCode.AGENT_NOT_FOUND, `agent ${query.agentId} does not exist`);
    return toAgentView(agent);
  }
}
