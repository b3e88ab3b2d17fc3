import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller';
import { FiguresRepository } from './figures.repository';
import { BacklogFiguresUsecase } from './usecases/backlog-figures/backlog-figures.usecase';
import { HandlingTimeFiguresUsecase } from './usecases/handling-time-figures/handling-time-figures.usecase';
import { OccupancyFiguresUsecase } from './usecases/occupancy-figures/occupancy-figures.usecase';
import { SlaFiguresUsecase } from './usecases/sla-figures/sla-figures.usecase';

@Module({
  controllers: [FiguresController],
  providers: [FiguresRepository, BacklogFiguresUsecase, SlaFiguresUsecase, HandlingTimeFiguresUsecase, OccupancyFiguresUsecase],
})
export class FiguresModule {}
