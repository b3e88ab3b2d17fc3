import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ClassificationModule } from '../classification/classification.module';
import { OutboundModule } from '../outbound/outbound.module';
import { ThreadingModule } from '../threading/threading.module';
import { MessagesRepository } from './messages.repository';
import { RecordMessageUsecase } from './usecases/record-message/record-message.usecase';

/** Received mail, parsed and stored, and the event that announces it. */
@Module({
  imports: [AttachmentsModule, ClassificationModule, ThreadingModule, OutboundModule],
  providers: [MessagesRepository, RecordMessageUsecase],
  exports: [RecordMessageUsecase],
})
export class MessagesModule {}
