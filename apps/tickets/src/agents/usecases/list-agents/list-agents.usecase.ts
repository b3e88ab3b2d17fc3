import { Injectable } from '@nestjs/common';
import { AgentView, ListAgentsRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toAgentView } from '../../agent.mapper';
import { AgentsRepository } from '../../agents.repository';

@Injectable()
export class ListAgentsUsecase {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: ListAgentsRequest): Promise<AgentView[]> {
    return (await this.agents.list(this.transactions.manager, query)).map(toAgentView);
  }
}
