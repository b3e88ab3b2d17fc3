import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddNoteRequest,
  CreateTicketRequest,
  GetTicketRequest,
  GetTicketStatusRequest,
  IssueStatusKeyRequest,
  ReplyOf,
  ReplyToTicketRequest,
  SearchTicketsRequest,
  TicketSubjects,
  TransitionTicketRequest,
  UpdateTicketRequest,
} from '@d115/contracts';
import { AddNoteUsecase } from './usecases/add-note/add-note.usecase';
import { CreateTicketUsecase } from './usecases/create-ticket/create-ticket.usecase';
import { GetTicketUsecase } from './usecases/get-ticket/get-ticket.usecase';
import { GetTicketHistoryUsecase } from './usecases/get-ticket-history/get-ticket-history.usecase';
import { GetTicketStatusUsecase } from './usecases/get-ticket-status/get-ticket-status.usecase';
import { IssueStatusKeyUsecase } from './usecases/issue-status-key/issue-status-key.usecase';
import { ReplyToTicketUsecase } from './usecases/reply-to-ticket/reply-to-ticket.usecase';
import { SearchTicketsUsecase } from './usecases/search-tickets/search-tickets.usecase';
import { TransitionTicketUsecase } from './usecases/transition-ticket/transition-ticket.usecase';
import { UpdateTicketUsecase } from './usecases/update-ticket/update-ticket.usecase';

/** `d115.tickets.<action>` for cases; one line per handler. */
@Controller()
export class CasesController {
  constructor(
    private readonly createTicket: CreateTicketUsecase,
    private readonly getTicket: GetTicketUsecase,
    private readonly getTicketHistory: GetTicketHistoryUsecase,
    private readonly searchTickets: SearchTicketsUsecase,
    private readonly updateTicket: UpdateTicketUsecase,
    private readonly addNote: AddNoteUsecase,
    private readonly replyToTicket: ReplyToTicketUsecase,
    private readonly transitionTicket: TransitionTicketUsecase,
    private readonly getTicketStatus: GetTicketStatusUsecase,
    private readonly issueStatusKey: IssueStatusKeyUsecase,
  ) {}

  @MessagePattern(TicketSubjects.create)
  create(@Payload() cmd: CreateTicketRequest): Promise<ReplyOf<typeof TicketSubjects.create>> {
    return this.createTicket.execute(cmd);
  }

  @MessagePattern(TicketSubjects.get)
  get(@Payload() query: GetTicketRequest): Promise<ReplyOf<typeof TicketSubjects.get>> {
    return this.getTicket.execute(query);
  }

  @MessagePattern(TicketSubjects.history)
  history(@Payload() query: GetTicketRequest): Promise<ReplyOf<typeof TicketSubjects.history>> {
    return this.getTicketHistory.execute(query);
  }

  @MessagePattern(TicketSubjects.search)
  search(@Payload() query: SearchTicketsRequest): Promise<ReplyOf<typeof TicketSubjects.search>> {
    return this.searchTickets.execute(query);
  }

  @MessagePattern(TicketSubjects.update)
  update(@Payload() cmd: UpdateTicketRequest): Promise<ReplyOf<typeof TicketSubjects.update>> {
    return this.updateTicket.execute(cmd);
  }

  @MessagePattern(TicketSubjects.addNote)
  note(@Payload() cmd: AddNoteRequest): Promise<ReplyOf<typeof TicketSubjects.addNote>> {
    return this.addNote.execute(cmd);
  }

  @MessagePattern(TicketSubjects.reply)
  reply(@Payload() cmd: ReplyToTicketRequest): Promise<ReplyOf<typeof TicketSubjects.reply>> {
    return this.replyToTicket.execute(cmd);
  }

  @MessagePattern(TicketSubjects.transition)
  transition(@Payload() cmd: TransitionTicketRequest): Promise<ReplyOf<typeof TicketSubjects.transition>> {
    return this.transitionTicket.execute(cmd);
  }

  @MessagePattern(TicketSubjects.status)
  status(@Payload() query: GetTicketStatusRequest): Promise<ReplyOf<typeof TicketSubjects.status>> {
    return this.getTicketStatus.execute(query);
  }

  @MessagePattern(TicketSubjects.issueStatusKey)
  issueKey(@Payload() cmd: IssueStatusKeyRequest): Promise<ReplyOf<typeof TicketSubjects.issueStatusKey>> {
    return this.issueStatusKey.execute(cmd);
  }
}
