import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, MailMessageReceivedEvent, MailSubjects } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { IntakeMailUsecase } from './usecases/intake-mail/intake-mail.usecase';

@Injectable()
@EventConsumer({ durable: 'mail-message-received', subjects: [MailSubjects.messageReceived], payload: MailMessageReceivedEvent })
export class MailMessageReceivedHandler implements EventHandler<MailMessageReceivedEvent> {
  constructor(private readonly intakeMail: IntakeMailUsecase) {}

  async handle(event: EventEnvelope<MailMessageReceivedEvent>, manager: EntityManager): Promise<void> {
    await this.intakeMail.execute(manager, event.data);
  }
}
