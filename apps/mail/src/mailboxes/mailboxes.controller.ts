import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListMailboxesRequest, MailSubjects, ReplyOf } from '@d115/contracts';
import { ListMailboxesUsecase } from './usecases/list-mailboxes/list-mailboxes.usecase';

@Controller()
export class MailboxesController {
  constructor(private readonly listMailboxes: ListMailboxesUsecase) {}

  @MessagePattern(MailSubjects.mailboxList)
  list(@Payload() _request: ListMailboxesRequest): ReplyOf<typeof MailSubjects.mailboxList> {
    return this.listMailboxes.execute();
  }
}
