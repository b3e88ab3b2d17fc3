import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, QueryTokenAllowed, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { LIVE_EVENT_NAMES } from './live-event';
import { OpenLiveStreamUsecase } from './open-live-stream.usecase';

/** Server-Sent Events for the signed-in user (event names and data: docs/api.md, "Live updates"). */
@ApiTags('live updates')
@Controller('api/v1/events')
@Roles('agent', 'supervisor', 'admin')
export class EventsController {
  constructor(private readonly openStream: OpenLiveStreamUsecase) {}

  @Get()
  @QueryTokenAllowed()
  @ApiOperation({
    summary: 'Live updates (text/event-stream): reservations offered to me, my cases changed, SLA warnings, screen pops, wallboard figures',
    description:
      `Events: ${LIVE_EVENT_NAMES.join(', ')}; \`resync\` when missed events cannot be replayed. Resume with the \`Last-Event-ID\` header ` +
      '(or `lastEventId`). Browsers (EventSource sends no headers) may pass the token as `access_token`.',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'access_token', required: false, description: 'The bearer token, for EventSource' })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'Instead of the Last-Event-ID header' })
  @ApiOkResponse({ description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  events(@CurrentUser() user: Principal, @Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    return this.openStream.execute(user, request, response);
  }
}
