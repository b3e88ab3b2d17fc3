import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AnonymizeRequest, ReplyOf, TicketSubjects } from '@d115/contracts';
import { AnonymizeClosedCasesUsecase } from './usecases/anonymize-closed-cases/anonymize-closed-cases.usecase';

@Controller()
export class PrivacyController {
  constructor(private readonly anonymizeClosedCases: AnonymizeClosedCasesUsecase) {}

  @MessagePattern(TicketSubjects.anonymize)
  anonymize(@Payload() cmd: AnonymizeRequest): Promise<ReplyOf<typeof TicketSubjects.anonymize>> {
    return this.anonymizeClosedCases.execute(cmd);
  }
}
