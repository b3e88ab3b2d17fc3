import { Controller, Get, HttpStatus, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RejectReservationRequest, SearchTicketsRequest, SetPresenceRequest, TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal, scopeOf } from '../auth/principal';
import { JsonBody, JsonQuery } from '../http/contract-params';
import { UuidParam } from '../http/path-params';
import { NEXT_PAGE_LINK_HEADER, nextPageLink } from '../http/next-page-link';
import { Forwards } from '../http/reply.decorator';

/** The signed-in agent's own work: the agent id is the user id of the token. */
@ApiTags('agent work')
@Controller('api/v1/me')
@Roles('agent', 'supervisor')
export class AgentWorkController {
  constructor(private readonly requests: RequestClient) {}

  @Get()
  @Forwards(TicketSubjects.agentGet, { summary: 'My agent profile: skills, capacity, presence, load' })
  profile(@CurrentUser() user: Principal) {
    return this.requests.request(TicketSubjects.agentGet, { actor: user.id, agentId: user.id });
  }

  @Put('presence')
  @Forwards(TicketSubjects.agentPresence, { summary: 'Set my presence (available agents get offers)' })
  presence(@CurrentUser() user: Principal, @JsonBody(SetPresenceRequest, ['actor', 'agentId']) body: Omit<SetPresenceRequest, 'actor' | 'agentId'>) {
    return this.requests.request(TicketSubjects.agentPresence, { ...body, actor: user.id, agentId: user.id });
  }

  @Post('take-next')
  @Forwards(TicketSubjects.takeNext, { summary: 'Take the next case I may serve (assigned at once; null when none waits)' })
  takeNext(@CurrentUser() user: Principal) {
    return this.requests.request(TicketSubjects.takeNext, { actor: user.id, agentId: user.id });
  }

  @Get('reservations')
  @Forwards(TicketSubjects.reservationList, { summary: 'Cases offered to me' })
  reservations(@CurrentUser() user: Principal) {
    return this.requests.request(TicketSubjects.reservationList, { actor: user.id, agentId: user.id });
  }

  @Post('reservations/:reservationId/accept')
  @Forwards(TicketSubjects.reservationAccept, { summary: 'Accept an offer: the case is assigned to me' })
  accept(@CurrentUser() user: Principal, @UuidParam('reservationId') reservationId: string) {
    return this.requests.request(TicketSubjects.reservationAccept, { actor: user.id, reservationId });
  }

  @Post('reservations/:reservationId/reject')
  @Forwards(TicketSubjects.reservationReject, { summary: 'Reject an offer: the case is offered to someone else', status: HttpStatus.OK })
  reject(
    @CurrentUser() user: Principal,
    @UuidParam('reservationId') reservationId: string,
    @JsonBody(RejectReservationRequest, ['actor', 'reservationId']) body: Omit<RejectReservationRequest, 'actor' | 'reservationId'>,
  ) {
    return this.requests.request(TicketSubjects.reservationReject, { ...body, actor: user.id, reservationId });
  }

  @Get('cases')
  @Forwards(TicketSubjects.search, { summary: 'Cases assigned to me (cursor pagination)', headers: NEXT_PAGE_LINK_HEADER })
  cases(
    @CurrentUser() user: Principal,
    @JsonQuery(SearchTicketsRequest, ['actor', 'scope', 'ownerAgentId']) query: Omit<SearchTicketsRequest, 'actor' | 'scope' | 'ownerAgentId'>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return nextPageLink(
      request,
      response,
      this.requests.request(TicketSubjects.search, { ...query, ownerAgentId: user.id, actor: user.id, scope: scopeOf(user) }),
    );
  }
}
