import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ThreadingModule } from '../threading/threading.module';
import { ReplyRequestedHandler } from './handlers/reply-requested.handler';
import { TicketCreatedAcknowledgmentHandler } from './handlers/ticket-created-acknowledgment.handler';
import { OutboundRepository } from './outbound.repository';
import { OutboundWorker } from './outbound.worker';
import { DeliverOutboundUsecase } from './usecases/deliver-outbound/deliver-outbound.usecase';
import { PlanAcknowledgmentUsecase } from './usecases/plan-acknowledgment/plan-acknowledgment.usecase';
import { QueueAcknowledgmentUsecase } from './usecases/queue-acknowledgment/queue-acknowledgment.usecase';
import { QueueReplyUsecase } from './usecases/queue-reply/queue-reply.usecase';
import { RecordBounceUsecase } from './usecases/record-bounce/record-bounce.usecase';

/** Acknowledgments, replies and forwards through the relay; bounces of our mail. */
@Module({
  imports: [AttachmentsModule, ThreadingModule],
  providers: [
    OutboundRepository,
    PlanAcknowledgmentUsecase,
    QueueAcknowledgmentUsecase,
    QueueReplyUsecase,
    DeliverOutboundUsecase,
    RecordBounceUsecase,
    OutboundWorker,
    ReplyRequestedHandler,
    TicketCreatedAcknowledgmentHandler,
  ],
  exports: [PlanAcknowledgmentUsecase, RecordBounceUsecase],
})
export class OutboundModule {}
