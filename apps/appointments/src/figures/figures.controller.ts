import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppointmentFiguresRequest, AppointmentSubjects, ReplyOf } from '@d115/contracts';
import { GetFiguresUsecase } from './usecases/get-figures/get-figures.usecase';

@Controller()
export class FiguresController {
  constructor(private readonly getFigures: GetFiguresUsecase) {}

  @MessagePattern(AppointmentSubjects.figures)
  figures(@Payload() query: AppointmentFiguresRequest): Promise<ReplyOf<typeof AppointmentSubjects.figures>> {
    return this.getFigures.execute(query);
  }
}
