import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TelephonySubjects, WrapUpCallReply, WrapUpCallRequest } from '@d115/contracts';
import { WrapUpCallUsecase } from './usecases/wrap-up-call/wrap-up-call.usecase';

@Controller()
export class WrapUpController {
  constructor(private readonly wrapUpCall: WrapUpCallUsecase) {}

  @MessagePattern(TelephonySubjects.wrapUp)
  wrapUp(@Payload() request: WrapUpCallRequest): Promise<WrapUpCallReply> {
    return this.wrapUpCall.execute(request);
  }
}
