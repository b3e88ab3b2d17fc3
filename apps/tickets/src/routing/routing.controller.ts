import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DeleteRoutingRuleRequest, ListRequest, ReplyOf, TicketSubjects, UpsertRoutingRuleRequest } from '@d115/contracts';
import { DeleteRoutingRuleUsecase } from './usecases/delete-routing-rule/delete-routing-rule.usecase';
import { ListRoutingRulesUsecase } from './usecases/list-routing-rules/list-routing-rules.usecase';
import { UpsertRoutingRuleUsecase } from './usecases/upsert-routing-rule/upsert-routing-rule.usecase';

@Controller()
export class RoutingController {
  constructor(
    private readonly upsertRule: UpsertRoutingRuleUsecase,
    private readonly deleteRule: DeleteRoutingRuleUsecase,
    private readonly listRules: ListRoutingRulesUsecase,
  ) {}

  @MessagePattern(TicketSubjects.ruleUpsert)
  upsert(@Payload() cmd: UpsertRoutingRuleRequest): Promise<ReplyOf<typeof TicketSubjects.ruleUpsert>> {
    return this.upsertRule.execute(cmd);
  }

  @MessagePattern(TicketSubjects.ruleDelete)
  delete(@Payload() cmd: DeleteRoutingRuleRequest): Promise<ReplyOf<typeof TicketSubjects.ruleDelete>> {
    return this.deleteRule.execute(cmd);
  }

  @MessagePattern(TicketSubjects.ruleList)
  list(@Payload() _query: ListRequest): Promise<ReplyOf<typeof TicketSubjects.ruleList>> {
    return this.listRules.execute();
  }
}
