import { Controller, Get, HttpStatus, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AddNoteRequest,
  CreateTicketRequest,
  ForwardTicketRequest,
  ReplyToTicketRequest,
  SearchTicketsRequest,
  TicketSubjects,
  TransitionTicketRequest,
  UpdateTicketRequest,
} from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal, scopeOf } from '../auth/principal';
import { JsonBody, JsonQuery } from '../http/contract-params';
import { versionETag } from '../http/etag';
import { NEXT_PAGE_LINK_HEADER, nextPageLink } from '../http/next-page-link';
import { CaseId, CaseRef, IfMatch } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';
import { schemaRef } from '../docs/contract-schemas';

/** Fields the gateway sets from the token and the path; a client never sends them. */
const SET_BY_GATEWAY = ['actor', 'ticketId', 'expectedVersion', 'scope'] as const;

/** Cases (`d115.tickets.*`): one request per handler, as the user (`actor`) within their municipalities (`scope`). */
@ApiTags('cases')
@Controller('api/v1/cases')
@Roles('agent', 'supervisor')
export class CasesController {
  constructor(private readonly requests: RequestClient) {}

  @Get()
  @Forwards(TicketSubjects.search, { summary: 'List and search cases (summaries, newest first, cursor pagination)', headers: NEXT_PAGE_LINK_HEADER })
  search(
    @CurrentUser() user: Principal,
    @JsonQuery(SearchTicketsRequest, ['actor', 'scope']) query: Omit<SearchTicketsRequest, 'actor' | 'scope'>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return nextPageLink(request, response, this.requests.request(TicketSubjects.search, { ...query, actor: user.id, scope: scopeOf(user) }));
  }

  @Get(':id')
  @Forwards(TicketSubjects.get, { summary: 'A case with timeline, change history and SLA clocks (the read is audited); ETag = version' })
  get(@CurrentUser() user: Principal, @CaseRef() ref: { ticketId?: string; number?: string }, @Res({ passthrough: true }) response: FastifyReply) {
    return versionETag(response, this.requests.request(TicketSubjects.get, { ...ref, actor: user.id, scope: scopeOf(user) }));
  }

  @Post()
  @Forwards(TicketSubjects.create, { summary: 'Open a case (phone, letter, web form)', status: HttpStatus.CREATED })
  create(
    @CurrentUser() user: Principal,
    @JsonBody(CreateTicketRequest, ['actor', 'scope']) body: Omit<CreateTicketRequest, 'actor' | 'scope'>,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return versionETag(response, this.requests.request(TicketSubjects.create, { ...body, actor: user.id, scope: scopeOf(user) }));
  }

  @Patch(':id')
  @Forwards(TicketSubjects.update, { summary: 'Change case data; with If-Match a stale version answers 412' })
  update(
    @CurrentUser() user: Principal,
    @CaseId() ticketId: string,
    @IfMatch() expectedVersion: number | undefined,
    @JsonBody(UpdateTicketRequest, SET_BY_GATEWAY) body: Omit<UpdateTicketRequest, (typeof SET_BY_GATEWAY)[number]>,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return versionETag(response, this.requests.request(TicketSubjects.update, { ...body, ticketId, expectedVersion, actor: user.id, scope: scopeOf(user) }));
  }

  @Post(':id/notes')
  @Forwards(TicketSubjects.addNote, { summary: 'Add an internal or call note', status: HttpStatus.CREATED })
  note(
    @CurrentUser() user: Principal,
    @CaseId() ticketId: string,
    @IfMatch() expectedVersion: number | undefined,
    @JsonBody(AddNoteRequest, SET_BY_GATEWAY) body: Omit<AddNoteRequest, (typeof SET_BY_GATEWAY)[number]>,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return versionETag(response, this.requests.request(TicketSubjects.addNote, { ...body, ticketId, expectedVersion, actor: user.id, scope: scopeOf(user) }));
  }

  @Post(':id/replies')
  @Forwards(TicketSubjects.reply, { summary: 'Answer the citizen (email, callback, letter)', status: HttpStatus.CREATED })
  reply(
    @CurrentUser() user: Principal,
    @CaseId() ticketId: string,
    @IfMatch() expectedVersion: number | undefined,
    @JsonBody(ReplyToTicketRequest, SET_BY_GATEWAY) body: Omit<ReplyToTicketRequest, (typeof SET_BY_GATEWAY)[number]>,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return versionETag(response, this.requests.request(TicketSubjects.reply, { ...body, ticketId, expectedVersion, actor: user.id, scope: scopeOf(user) }));
  }

  @Post(':id/transitions')
  @Forwards(TicketSubjects.transition, { summary: 'Move the case to another state' })
  transition(
    @CurrentUser() user: Principal,
    @CaseId() ticketId: string,
    @IfMatch() expectedVersion: number | undefined,
    @JsonBody(TransitionTicketRequest, SET_BY_GATEWAY) body: Omit<TransitionTicketRequest, (typeof SET_BY_GATEWAY)[number]>,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return versionETag(
      response,
      this.requests.request(TicketSubjects.transition, { ...body, ticketId, expectedVersion, actor: user.id, scope: scopeOf(user) }),
    );
  }

  @Post(':id/forward')
  @Forwards(TicketSubjects.forward, { summary: 'Forward to the responsible authority' })
  forward(
    @CurrentUser() user: Principal,
    @CaseId() ticketId: string,
    @IfMatch() expectedVersion: number | undefined,
    @JsonBody(ForwardTicketRequest, SET_BY_GATEWAY) body: Omit<ForwardTicketRequest, (typeof SET_BY_GATEWAY)[number]>,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return versionETag(response, this.requests.request(TicketSubjects.forward, { ...body, ticketId, expectedVersion, actor: user.id, scope: scopeOf(user) }));
  }
}

/** The audit history of a case: supervisors only (every read of the case is in it). */
@ApiTags('cases')
@Controller('api/v1/cases')
@Roles('supervisor')
export class CaseHistoryController {
  constructor(private readonly requests: RequestClient) {}

  @Get(':id/history')
  @Forwards(TicketSubjects.history, {
    summary: 'The audit history of a case (who did and read what, when; this read is recorded too)',
    schema: { type: 'array', items: schemaRef('AuditEntryView') },
  })
  history(@CurrentUser() user: Principal, @CaseRef() ref: { ticketId?: string; number?: string }) {
    return this.requests.request(TicketSubjects.history, { ...ref, actor: user.id, scope: scopeOf(user) });
  }
}
