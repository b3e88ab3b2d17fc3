import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetAttachmentRequest, MailSubjects, ReplyOf } from '@d115/contracts';
import { ReadAttachmentUsecase } from './usecases/read-attachment/read-attachment.usecase';

@Controller()
export class AttachmentsController {
  constructor(private readonly readAttachment: ReadAttachmentUsecase) {}

  @MessagePattern(MailSubjects.attachmentGet)
  get(@Payload() request: GetAttachmentRequest): Promise<ReplyOf<typeof MailSubjects.attachmentGet>> {
    return this.readAttachment.execute(request);
  }
}
