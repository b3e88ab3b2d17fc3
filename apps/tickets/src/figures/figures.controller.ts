import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CurrentFiguresRequest, PeriodFiguresRequest, ReplyOf, TicketSubjects } from '@d115/contracts';
import { BacklogFiguresUsecase } from './usecases/backlog-figures/backlog-figures.usecase';
import { HandlingTimeFiguresUsecase } from './usecases/handling-time-figures/handling-time-figures.usecase';
import { OccupancyFiguresUsecase } from './usecases/occupancy-figures/occupancy-figures.usecase';
import { SlaFiguresUsecase } from './usecases/sla-figures/sla-figures.usecase';

@Controller()
export class FiguresController {
  constructor(
    private readonly backlog: BacklogFiguresUsecase,
    private readonly sla: SlaFiguresUsecase,
    private readonly handlingTimes: HandlingTimeFiguresUsecase,
    private readonly occupancy: OccupancyFiguresUsecase,
  ) {}

  @MessagePattern(TicketSubjects.figuresBacklog)
  backlogFigures(@Payload() query: CurrentFiguresRequest): Promise<ReplyOf<typeof TicketSubjects.figuresBacklog>> {
    return this.backlog.execute(query);
  }

  @MessagePattern(TicketSubjects.figuresSla)
  slaFigures(@Payload() query: PeriodFiguresRequest): Promise<ReplyOf<typeof TicketSubjects.figuresSla>> {
    return this.sla.execute(query);
  }

  @MessagePattern(TicketSubjects.figuresHandlingTimes)
  handlingTimeFigures(@Payload() query: PeriodFiguresRequest): Promise<ReplyOf<typeof TicketSubjects.figuresHandlingTimes>> {
    return this.handlingTimes.execute(query);
  }

  @MessagePattern(TicketSubjects.figuresOccupancy)
  occupancyFigures(@Payload() query: CurrentFiguresRequest): Promise<ReplyOf<typeof TicketSubjects.figuresOccupancy>> {
    return this.occupancy.execute(query);
  }
}
