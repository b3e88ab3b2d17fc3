import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { QueuesModule } from '../queues/queues.module';
import { RoutingModule } from '../routing/routing.module';
import { SlaModule } from '../sla/sla.module';
import { TimelineModule } from '../timeline/timeline.module';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { TicketWorkflow } from './ticket-workflow';
import { AddNoteUsecase } from './usecases/add-note/add-note.usecase';
import { CreateTicketUsecase } from './usecases/create-ticket/create-ticket.usecase';
import { GetTicketUsecase } from './usecases/get-ticket/get-ticket.usecase';
import { ReadableTicket } from './usecases/get-ticket/readable-ticket';
import { GetTicketHistoryUsecase } from './usecases/get-ticket-history/get-ticket-history.usecase';
import { IssueStatusKeyUsecase } from './usecases/issue-status-key/issue-status-key.usecase';
import { GetTicketStatusUsecase } from './usecases/get-ticket-status/get-ticket-status.usecase';
import { ReplyToTicketUsecase } from './usecases/reply-to-ticket/reply-to-ticket.usecase';
import { SearchTicketsUsecase } from './usecases/search-tickets/search-tickets.usecase';
import { TransitionTicketUsecase } from './usecases/transition-ticket/transition-ticket.usecase';
import { UpdateTicketUsecase } from './usecases/update-ticket/update-ticket.usecase';

@Module({
  imports: [AuditModule, TimelineModule, QueuesModule, RoutingModule, SlaModule],
  controllers: [CasesController],
  providers: [
    CasesRepository,
    TicketWorkflow,
    CreateTicketUsecase,
    ReadableTicket,
    GetTicketUsecase,
    GetTicketHistoryUsecase,
    GetTicketStatusUsecase,
    IssueStatusKeyUsecase,
    SearchTicketsUsecase,
    UpdateTicketUsecase,
    AddNoteUsecase,
    ReplyToTicketUsecase,
    TransitionTicketUsecase,
  ],
  exports: [CasesRepository, TicketWorkflow, CreateTicketUsecase],
})
export class CasesModule {}
