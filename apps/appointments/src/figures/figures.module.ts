import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller';
import { FiguresRepository } from './figures.repository';
import { GetFiguresUsecase } from './usecases/get-figures/get-figures.usecase';

/** `d115.appointments.figures`: booked, cancelled, no-show, lead time per office and service. */
@Module({ controllers: [FiguresController], providers: [FiguresRepository, GetFiguresUsecase] })
export class FiguresModule {}
