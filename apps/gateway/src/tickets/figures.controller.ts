import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentFiguresRequest, PeriodFiguresRequest, TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { JsonQuery } from '../http/contract-params';
import { Forwards } from '../http/reply.decorator';

/** Supervisor figures from the tickets service. */
@ApiTags('figures')
@Controller('api/v1/figures')
@Roles('supervisor', 'admin')
export class FiguresController {
  constructor(private readonly requests: RequestClient) {}

  @Get('backlog')
  @Forwards(TicketSubjects.figuresBacklog, { summary: 'Open cases per queue and state, waiting cases, the oldest' })
  backlog(@CurrentUser() user: Principal, @JsonQuery(CurrentFiguresRequest, ['actor']) query: Omit<CurrentFiguresRequest, 'actor'>) {
    return this.requests.request(TicketSubjects.figuresBacklog, { ...query, actor: user.id });
  }

  @Get('occupancy')
  @Forwards(TicketSubjects.figuresOccupancy, { summary: 'Agents not offline with load and capacity' })
  occupancy(@CurrentUser() user: Principal, @JsonQuery(CurrentFiguresRequest, ['actor']) query: Omit<CurrentFiguresRequest, 'actor'>) {
    return this.requests.request(TicketSubjects.figuresOccupancy, { ...query, actor: user.id });
  }

  @Get('sla')
  @Forwards(TicketSubjects.figuresSla, { summary: 'SLA outcomes over a period, with the breaches' })
  sla(@CurrentUser() user: Principal, @JsonQuery(PeriodFiguresRequest, ['actor']) query: Omit<PeriodFiguresRequest, 'actor'>) {
    return this.requests.request(TicketSubjects.figuresSla, { ...query, actor: user.id });
  }

  @Get('handling-times')
  @Forwards(TicketSubjects.figuresHandlingTimes, { summary: 'Average business hours to first answer and to resolution' })
  handlingTimes(@CurrentUser() user: Principal, @JsonQuery(PeriodFiguresRequest, ['actor']) query: Omit<PeriodFiguresRequest, 'actor'>) {
    return this.requests.request(TicketSubjects.figuresHandlingTimes, { ...query, actor: user.id });
  }
}
