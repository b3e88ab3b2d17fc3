import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetAgentRequest, ListAgentsRequest, ReplyOf, SetPresenceRequest, TicketSubjects, UpsertAgentRequest } from '@d115/contracts';
import { GetAgentUsecase } from './usecases/get-agent/get-agent.usecase';
import { ListAgentsUsecase } from './usecases/list-agents/list-agents.usecase';
import { SetPresenceUsecase } from './usecases/set-presence/set-presence.usecase';
import { UpsertAgentUsecase } from './usecases/upsert-agent/upsert-agent.usecase';

@Controller()
export class AgentsController {
  constructor(
    private readonly upsertAgent: UpsertAgentUsecase,
    private readonly setPresence: SetPresenceUsecase,
    private readonly getAgent: GetAgentUsecase,
    private readonly listAgents: ListAgentsUsecase,
  ) {}

  @MessagePattern(TicketSubjects.agentUpsert)
  upsert(@Payload() cmd: UpsertAgentRequest): Promise<ReplyOf<typeof TicketSubjects.agentUpsert>> {
    return this.upsertAgent.execute(cmd);
  }

  @MessagePattern(TicketSubjects.agentPresence)
  presence(@Payload() cmd: SetPresenceRequest): Promise<ReplyOf<typeof TicketSubjects.agentPresence>> {
    return this.setPresence.execute(cmd);
  }

  @MessagePattern(TicketSubjects.agentGet)
  get(@Payload() query: GetAgentRequest): Promise<ReplyOf<typeof TicketSubjects.agentGet>> {
    return this.getAgent.execute(query);
  }

  @MessagePattern(TicketSubjects.agentList)
  list(@Payload() query: ListAgentsRequest): Promise<ReplyOf<typeof TicketSubjects.agentList>> {
    return this.listAgents.execute(query);
  }
}
