import { Module } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { AuditModule } from '../audit/audit.module';
import { TicketsEnv } from '../config/tickets.env';
import { QueuesModule } from '../queues/queues.module';
import { slaClockMathFromEnv } from './sla-calendar';
import { SlaClockReader } from './sla-clock.reader';
import { SlaController } from './sla.controller';
import { SlaEvents } from './sla-events';
import { SlaListener } from './sla.listener';
import { SlaRepository } from './sla.repository';
import { SLA_CLOCK_MATH } from './sla.tokens';
import { CheckSlaDeadlinesUsecase } from './usecases/check-sla-deadlines/check-sla-deadlines.usecase';
import { ListSlaPoliciesUsecase } from './usecases/list-sla-policies/list-sla-policies.usecase';
import { UpsertSlaPolicyUsecase } from './usecases/upsert-sla-policy/upsert-sla-policy.usecase';

@Module({
  imports: [AuditModule, QueuesModule],
  controllers: [SlaController],
  providers: [
    { provide: SLA_CLOCK_MATH, inject: [ENV], useFactory: (env: TicketsEnv) => slaClockMathFromEnv(env) },
    SlaRepository,
    SlaEvents,
    SlaListener,
    SlaClockReader,
    CheckSlaDeadlinesUsecase,
    UpsertSlaPolicyUsecase,
    ListSlaPoliciesUsecase,
  ],
  exports: [SlaClockReader],
})
export class SlaModule {}
