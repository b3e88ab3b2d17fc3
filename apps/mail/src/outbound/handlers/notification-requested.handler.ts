import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppointmentEvents, EventEnvelope, NotificationRequestedEvent } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { QueueNotificationUsecase } from '../usecases/queue-notification/queue-notification.usecase';

@Injectable()
@EventConsumer({ durable: 'notification-requested', subjects: [AppointmentEvents.notificationRequested], payload: NotificationRequestedEvent })
export class NotificationRequestedHandler implements EventHandler<NotificationRequestedEvent> {
  constructor(private readonly usecase: QueueNotificationUsecase) {}

  handle(event: EventEnvelope<NotificationRequestedEvent>, manager: EntityManager): Promise<void> {
    return this.usecase.execute(manager, event.data);
  }
}
