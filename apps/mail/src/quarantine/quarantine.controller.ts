import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MailSubjects, QuarantineListRequest, QuarantineRetryRequest, ReplyOf } from '@d115/contracts';
import { ListQuarantineUsecase } from './usecases/list-quarantine/list-quarantine.usecase';
import { RetryQuarantinedUsecase } from './usecases/retry-quarantined/retry-quarantined.usecase';

@Controller()
export class QuarantineController {
  constructor(
    private readonly listQuarantine: ListQuarantineUsecase,
    private readonly retryQuarantined: RetryQuarantinedUsecase,
  ) {}

  @MessagePattern(MailSubjects.quarantineList)
  list(@Payload() request: QuarantineListRequest): Promise<ReplyOf<typeof MailSubjects.quarantineList>> {
    return this.listQuarantine.execute(request);
  }

  @MessagePattern(MailSubjects.quarantineRetry)
  retry(@Payload() request: QuarantineRetryRequest): Promise<ReplyOf<typeof MailSubjects.quarantineRetry>> {
    return this.retryQuarantined.execute(request);
  }
}
