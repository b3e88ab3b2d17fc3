import { Controller, Get, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GetServiceLevelRequest, ListCallsRequest, TelephonySubjects, WrapUpCallRequest } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { JsonBody, JsonQuery } from '../http/contract-params';
import { UuidParam } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';

/** Calls (`d115.telephony.*`): live and recent calls, the agent's wrap-up. */
@ApiTags('telephony')
@Controller('api/v1/calls')
@Roles('agent', 'supervisor')
export class CallsController {
  constructor(private readonly requests: RequestClient) {}

  @Get()
  @Forwards(TelephonySubjects.callsList, { summary: 'Calls in progress (`state=live`) or the most recent ones (`state=recent`)' })
  list(@JsonQuery(ListCallsRequest) query: ListCallsRequest) {
    return this.requests.request(TelephonySubjects.callsList, query);
  }

  @Post(':callId/wrap-up')
  @Forwards(TelephonySubjects.wrapUp, { summary: 'Record how the call ended for the citizen (resolved, callback, forwarded)', status: HttpStatus.OK })
  wrapUp(
    @CurrentUser() user: Principal,
    @UuidParam('callId') callId: string,
    @JsonBody(WrapUpCallRequest, ['actor', 'callId']) body: Omit<WrapUpCallRequest, 'actor' | 'callId'>,
  ) {
    return this.requests.request(TelephonySubjects.wrapUp, { ...body, callId, actor: user.id });
  }
}

/** The 115 service level (answered within the threshold, first-contact resolution) for supervisors. */
@ApiTags('figures')
@Controller('api/v1/figures')
@Roles('supervisor', 'admin')
export class ServiceLevelController {
  constructor(private readonly requests: RequestClient) {}

  @Get('service-level')
  @Forwards(TelephonySubjects.serviceLevelGet, { summary: 'Telephony service level for a range, per interval, day or in total' })
  serviceLevel(@JsonQuery(GetServiceLevelRequest) query: GetServiceLevelRequest) {
    return this.requests.request(TelephonySubjects.serviceLevelGet, query);
  }
}
