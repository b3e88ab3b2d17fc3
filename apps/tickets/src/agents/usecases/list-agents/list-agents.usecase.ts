import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgentView, ListAgentsRequest } from '@d115/contracts';
import { DATA_SOURCE } from '@d115/platform';
import { toAgentView } from '../../agent.mapper';
import { AgentsRepository } from '../../agents.repository';

@Injectable()
export class ListAgentsUsecase {
  constructor(
    private readonly agents: AgentsRepository,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async execute(query: ListAgentsRequest): Promise<AgentView[]> {
    return (await this.agents.list(this.dataSource.manager, query)).map(toAgentView);
  }
}
