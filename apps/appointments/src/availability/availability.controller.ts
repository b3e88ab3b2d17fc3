import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppointmentSubjects, GetAvailabilityRequest, ReplyOf } from '@d115/contracts';
import { GetAvailabilityUsecase } from './usecases/get-availability/get-availability.usecase';

@Controller()
export class AvailabilityController {
  constructor(private readonly getAvailability: GetAvailabilityUsecase) {}

  @MessagePattern(AppointmentSubjects.availability)
  get(@Payload() query: GetAvailabilityRequest): Promise<ReplyOf<typeof AppointmentSubjects.availability>> {
    return this.getAvailability.execute(query);
  }
}
