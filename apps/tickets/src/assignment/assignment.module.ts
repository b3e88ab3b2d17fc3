import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { QueuesModule } from '../queues/queues.module';
import { AssignmentController } from './assignment.controller';
import { AssignmentListener } from './assignment.listener';
import { AssignmentRepository } from './assignment.repository';
import { AssignmentSteps } from './assignment-steps';
import { RoutingWork } from './routing-work';
import { AcceptReservationUsecase } from './usecases/accept-reservation/accept-reservation.usecase';
import { DispatchPassUsecase } from './usecases/dispatch-pass/dispatch-pass.usecase';
import { DispatchToAgentUsecase } from './usecases/dispatch-to-agent/dispatch-to-agent.usecase';
import { EscalateWaitingCasesUsecase } from './usecases/escalate-waiting-cases/escalate-waiting-cases.usecase';
import { ExpireReservationsUsecase } from './usecases/expire-reservations/expire-reservations.usecase';
import { ListReservationsUsecase } from './usecases/list-reservations/list-reservations.usecase';
import { OfferCaseUsecase } from './usecases/offer-case/offer-case.usecase';
import { RejectReservationUsecase } from './usecases/reject-reservation/reject-reservation.usecase';
import { ReleaseAgentReservationsUsecase } from './usecases/release-agent-reservations/release-agent-reservations.usecase';
import { TakeNextUsecase } from './usecases/take-next/take-next.usecase';

@Module({
  imports: [AuditModule, CasesModule, QueuesModule],
  controllers: [AssignmentController],
  providers: [
    AssignmentRepository,
    AssignmentSteps,
    AssignmentListener,
    RoutingWork,
    OfferCaseUsecase,
    DispatchToAgentUsecase,
    TakeNextUsecase,
    AcceptReservationUsecase,
    RejectReservationUsecase,
    ExpireReservationsUsecase,
    ReleaseAgentReservationsUsecase,
    EscalateWaitingCasesUsecase,
    DispatchPassUsecase,
    ListReservationsUsecase,
  ],
  exports: [TakeNextUsecase],
})
export class AssignmentModule {}
