import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListRequest, ReplyOf, TicketSubjects, UpsertSlaPolicyRequest } from '@d115/contracts';
import { ListSlaPoliciesUsecase } from './usecases/list-sla-policies/list-sla-policies.usecase';
import { UpsertSlaPolicyUsecase } from './usecases/upsert-sla-policy/upsert-sla-policy.usecase';

@Controller()
export class SlaController {
  constructor(
    private readonly upsertPolicy: UpsertSlaPolicyUsecase,
    private readonly listPolicies: ListSlaPoliciesUsecase,
  ) {}

  @MessagePattern(TicketSubjects.slaPolicyUpsert)
  upsert(@Payload() cmd: UpsertSlaPolicyRequest): Promise<ReplyOf<typeof TicketSubjects.slaPolicyUpsert>> {
    return this.upsertPolicy.execute(cmd);
  }

  @MessagePattern(TicketSubjects.slaPolicyList)
  list(@Payload() _query: ListRequest): Promise<ReplyOf<typeof TicketSubjects.slaPolicyList>> {
    return this.listPolicies.execute();
  }
}
