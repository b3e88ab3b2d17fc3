import { Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AGENT_ID,
  ListAgentsRequest,
  QUEUE_ID,
  TicketSubjects,
  UpsertAgentRequest,
  UpsertAuthorityRequest,
  UpsertQueueRequest,
  UpsertRoutingRuleRequest,
  UpsertSlaPolicyRequest,
} from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { JsonBody, JsonQuery } from '../http/contract-params';
import { PatternParam, UuidParam } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';

/** Configuration of routing and service levels (`d115.tickets.*`), for admins. */
@ApiTags('configuration')
@Controller('api/v1/config')
@Roles('admin')
export class ConfigurationController {
  constructor(private readonly requests: RequestClient) {}

  @Get('agents')
  @Forwards(TicketSubjects.agentList, { summary: 'Agents, optionally by queue or presence' })
  agents(@CurrentUser() user: Principal, @JsonQuery(ListAgentsRequest, ['actor']) query: Omit<ListAgentsRequest, 'actor'>) {
    return this.requests.request(TicketSubjects.agentList, { ...query, actor: user.id });
  }

  @Put('agents/:agentId')
  @Forwards(TicketSubjects.agentUpsert, { summary: 'Create or change an agent (skills, capacity, queues)' })
  upsertAgent(
    @CurrentUser() user: Principal,
    @PatternParam('agentId', AGENT_ID, 'an agent id (the user id of the identity provider)') agentId: string,
    @JsonBody(UpsertAgentRequest, ['actor', 'agentId']) body: Omit<UpsertAgentRequest, 'actor' | 'agentId'>,
  ) {
    return this.requests.request(TicketSubjects.agentUpsert, { ...body, agentId, actor: user.id });
  }

  @Get('queues')
  @Forwards(TicketSubjects.queueList, { summary: 'Queues' })
  queues(@CurrentUser() user: Principal) {
    return this.requests.request(TicketSubjects.queueList, { actor: user.id });
  }

  @Put('queues/:queueId')
  @Forwards(TicketSubjects.queueUpsert, { summary: 'Create or change a queue' })
  upsertQueue(
    @CurrentUser() user: Principal,
    @PatternParam('queueId', QUEUE_ID, 'a queue id (lower-case kebab-case)') queueId: string,
    @JsonBody(UpsertQueueRequest, ['actor', 'queueId']) body: Omit<UpsertQueueRequest, 'actor' | 'queueId'>,
  ) {
    return this.requests.request(TicketSubjects.queueUpsert, { ...body, queueId, actor: user.id });
  }

  @Get('routing-rules')
  @Forwards(TicketSubjects.ruleList, { summary: 'Routing rules in order' })
  rules(@CurrentUser() user: Principal) {
    return this.requests.request(TicketSubjects.ruleList, { actor: user.id });
  }

  @Post('routing-rules')
  @Forwards(TicketSubjects.ruleUpsert, { summary: 'Create a routing rule', status: 201 })
  createRule(
    @CurrentUser() user: Principal,
    @JsonBody(UpsertRoutingRuleRequest, ['actor', 'ruleId']) body: Omit<UpsertRoutingRuleRequest, 'actor' | 'ruleId'>,
  ) {
    return this.requests.request(TicketSubjects.ruleUpsert, { ...body, actor: user.id });
  }

  @Put('routing-rules/:ruleId')
  @Forwards(TicketSubjects.ruleUpsert, { summary: 'Change a routing rule' })
  updateRule(
    @CurrentUser() user: Principal,
    @UuidParam('ruleId') ruleId: string,
    @JsonBody(UpsertRoutingRuleRequest, ['actor', 'ruleId']) body: Omit<UpsertRoutingRuleRequest, 'actor' | 'ruleId'>,
  ) {
    return this.requests.request(TicketSubjects.ruleUpsert, { ...body, ruleId, actor: user.id });
  }

  @Delete('routing-rules/:ruleId')
  @Forwards(TicketSubjects.ruleDelete, { summary: 'Delete a routing rule' })
  deleteRule(@CurrentUser() user: Principal, @UuidParam('ruleId') ruleId: string) {
    return this.requests.request(TicketSubjects.ruleDelete, { ruleId, actor: user.id });
  }

  @Get('authorities')
  @Forwards(TicketSubjects.authorityList, { summary: 'Fallback authorities (functional addresses)' })
  authorities(@CurrentUser() user: Principal) {
    return this.requests.request(TicketSubjects.authorityList, { actor: user.id });
  }

  @Post('authorities')
  @Forwards(TicketSubjects.authorityUpsert, { summary: 'Create an authority', status: 201 })
  createAuthority(
    @CurrentUser() user: Principal,
    @JsonBody(UpsertAuthorityRequest, ['actor', 'authorityId']) body: Omit<UpsertAuthorityRequest, 'actor' | 'authorityId'>,
  ) {
    return this.requests.request(TicketSubjects.authorityUpsert, { ...body, actor: user.id });
  }

  @Put('authorities/:authorityId')
  @Forwards(TicketSubjects.authorityUpsert, { summary: 'Change an authority' })
  updateAuthority(
    @CurrentUser() user: Principal,
    @UuidParam('authorityId') authorityId: string,
    @JsonBody(UpsertAuthorityRequest, ['actor', 'authorityId']) body: Omit<UpsertAuthorityRequest, 'actor' | 'authorityId'>,
  ) {
    return this.requests.request(TicketSubjects.authorityUpsert, { ...body, authorityId, actor: user.id });
  }

  @Get('sla-policies')
  @Forwards(TicketSubjects.slaPolicyList, { summary: 'SLA policies' })
  slaPolicies(@CurrentUser() user: Principal) {
    return this.requests.request(TicketSubjects.slaPolicyList, { actor: user.id });
  }

  @Post('sla-policies')
  @Forwards(TicketSubjects.slaPolicyUpsert, { summary: 'Create an SLA policy', status: 201 })
  createSlaPolicy(
    @CurrentUser() user: Principal,
    @JsonBody(UpsertSlaPolicyRequest, ['actor', 'policyId']) body: Omit<UpsertSlaPolicyRequest, 'actor' | 'policyId'>,
  ) {
    return this.requests.request(TicketSubjects.slaPolicyUpsert, { ...body, actor: user.id });
  }

  @Put('sla-policies/:policyId')
  @Forwards(TicketSubjects.slaPolicyUpsert, { summary: 'Change an SLA policy' })
  updateSlaPolicy(
    @CurrentUser() user: Principal,
    @UuidParam('policyId') policyId: string,
    @JsonBody(UpsertSlaPolicyRequest, ['actor', 'policyId']) body: Omit<UpsertSlaPolicyRequest, 'actor' | 'policyId'>,
  ) {
    return this.requests.request(TicketSubjects.slaPolicyUpsert, { ...body, policyId, actor: user.id });
  }
}
