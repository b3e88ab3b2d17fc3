import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ThreadingModule } from '../threading/threading.module';
import { NotificationRequestedHandler } from './handlers/notification-requested.handler';
import { ReplyRequestedHandler } from './handlers/reply-requested.handler';
import { TicketCreatedAcknowledgmentHandler } from './handlers/ticket-created-acknowledgment.handler';
import { OutboundRepository } from './outbound.repository';
import { OutboundWorker } from './outbound.worker';
import { DeliverOutboundUsecase } from './usecases/deliver-outbound/deliver-outbound.usecase';
import { PlanAcknowledgmentUsecase } from './usecases/plan-acknowledgment/plan-acknowledgment.usecase';
import { QueueAcknowledgmentUsecase } from './usecases/queue-acknowledgment/queue-acknowledgment.usecase';
import { QueueNotificationUsecase } from './usecases/queue-notification/queue-notification.usecase';
import { QueueReplyUsecase } from './usecases/queue-reply/queue-reply.usecase';
import { RecordBounceUsecase } from './usecases/record-bounce/record-bounce.usecase';

/** Acknowledgments, replies, forwards and other services' notifications through the relay; bounces of our mail. */
@Module({
  imports: [AttachmentsModule, ThreadingModule],
  providers: [
    OutboundRepository,
    PlanAcknowledgmentUsecase,
    QueueAcknowledgmentUsecase,
    QueueReplyUsecase,
    QueueNotificationUsecase,
    DeliverOutboundUsecase,
    RecordBounceUsecase,
    OutboundWorker,
    ReplyRequestedHandler,
    TicketCreatedAcknowledgmentHandler,
    NotificationRequestedHandler,
  ],
  exports: [PlanAcknowledgmentUsecase, RecordBounceUsecase],
})
export class OutboundModule {}
