import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { QueuesModule } from '../queues/queues.module';
import { RoutingController } from './routing.controller';
import { RoutingRepository } from './routing.repository';
import { DeleteRoutingRuleUsecase } from './usecases/delete-routing-rule/delete-routing-rule.usecase';
import { ListRoutingRulesUsecase } from './usecases/list-routing-rules/list-routing-rules.usecase';
import { RouteCaseUsecase } from './usecases/route-case/route-case.usecase';
import { UpsertRoutingRuleUsecase } from './usecases/upsert-routing-rule/upsert-routing-rule.usecase';

@Module({
  imports: [AuditModule, QueuesModule],
  controllers: [RoutingController],
  providers: [RoutingRepository, RouteCaseUsecase, UpsertRoutingRuleUsecase, DeleteRoutingRuleUsecase, ListRoutingRulesUsecase],
  exports: [RouteCaseUsecase],
})
export class RoutingModule {}
