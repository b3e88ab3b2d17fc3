import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GetTicketStatusRequest, TICKET_NUMBER, TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CitizenLookup } from '../auth/auth.decorators';
import { JsonQuery } from '../http/contract-params';
import { PatternParam } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';

/** The citizen's view of their case, without a login: by ticket number and the access key of the acknowledgment. */
@ApiTags('citizens')
@Controller('api/v1/status')
export class StatusController {
  constructor(private readonly requests: RequestClient) {}

  @Get(':ticketNumber')
  @CitizenLookup()
  @Forwards(TicketSubjects.status, {
    summary: 'State, last change and next step of a case (no login; a wrong key and an unknown number both answer 404; rate-limited per address)',
  })
  status(
    @PatternParam('ticketNumber', TICKET_NUMBER, 'a ticket number (115-2026-000123)') number: string,
    @JsonQuery(GetTicketStatusRequest, ['number']) query: Omit<GetTicketStatusRequest, 'number'>,
  ) {
    return this.requests.request(TicketSubjects.status, { ...query, number });
  }
}
