import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListCallsReply, ListCallsRequest, TelephonySubjects } from '@d115/contracts';
import { ListCallsUsecase } from './usecases/list-calls/list-calls.usecase';

@Controller()
export class CallsController {
  constructor(private readonly listCalls: ListCallsUsecase) {}

  @MessagePattern(TelephonySubjects.callsList)
  list(@Payload() request: ListCallsRequest): Promise<ListCallsReply> {
    return this.listCalls.execute(request);
  }
}
