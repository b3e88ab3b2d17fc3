import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FindCasesByPhoneReply, FindCasesByPhoneRequest, TicketSubjects } from '@d115/contracts';
import { FindCasesByPhoneUsecase } from './usecases/find-cases-by-phone/find-cases-by-phone.usecase';

@Controller()
export class PhoneMatchController {
  constructor(private readonly findCasesByPhone: FindCasesByPhoneUsecase) {}

  @MessagePattern(TicketSubjects.casesByPhone)
  byPhone(@Payload() request: FindCasesByPhoneRequest): Promise<FindCasesByPhoneReply> {
    return this.findCasesByPhone.execute(request);
  }
}
