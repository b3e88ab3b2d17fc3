import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, ReplyRequestedEvent, TicketEvents } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { QueueReplyUsecase } from '../usecases/queue-reply/queue-reply.usecase';

@Injectable()
@EventConsumer({ durable: 'reply-requested', subjects: [TicketEvents.replyRequested], payload: ReplyRequestedEvent })
export class ReplyRequestedHandler implements EventHandler<ReplyRequestedEvent> {
  constructor(private readonly usecase: QueueReplyUsecase) {}

  handle(event: EventEnvelope<ReplyRequestedEvent>, manager: EntityManager): Promise<void> {
    return this.usecase.execute(manager, event.data);
  }
}
