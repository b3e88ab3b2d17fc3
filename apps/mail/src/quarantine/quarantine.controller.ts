import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MailSubjects, QuarantineListReply, QuarantineListRequest, QuarantineRetryReply, QuarantineRetryRequest } from '@d115/contracts';
import { ListQuarantineUsecase } from './usecases/list-quarantine/list-quarantine.usecase';
import { RetryQuarantinedUsecase } from './usecases/retry-quarantined/retry-quarantined.usecase';

@Controller()
export class QuarantineController {
  constructor(
    private readonly listQuarantine: ListQuarantineUsecase,
    private readonly retryQuarantined: RetryQuarantinedUsecase,
  ) {}

  @MessagePattern(MailSubjects.quarantineList)
  list(@Payload() request: QuarantineListRequest): Promise<QuarantineListReply> {
    return this.listQuarantine.execute(request);
  }

  @MessagePattern(MailSubjects.quarantineRetry)
  retry(@Payload() request: QuarantineRetryRequest): Promise<QuarantineRetryReply> {
    return this.retryQuarantined.execute(request);
  }
}
