import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetServiceLevelReply, GetServiceLevelRequest, TelephonySubjects } from '@d115/contracts';
import { GetServiceLevelUsecase } from './usecases/get-service-level/get-service-level.usecase';

@Controller()
export class ServiceLevelController {
  constructor(private readonly getServiceLevel: GetServiceLevelUsecase) {}

  @MessagePattern(TelephonySubjects.serviceLevelGet)
  get(@Payload() request: GetServiceLevelRequest): Promise<GetServiceLevelReply> {
    return this.getServiceLevel.execute(request);
  }
}
