import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NotificationRequestedEvent } from '@d115/contracts';
import { ENV } from '@d115/platform';
import { MailEnv } from '../../../config/mail.env';
import { MailboxDirectory } from '../../../mailboxes/mailbox.directory';
import { newMessageId } from '../../outbound-addressing';
import { OutboundRepository } from '../../outbound.repository';
import { senderIdentity } from '../../sender-identity';

/**
 * Queues a notification another service asked for (an appointment confirmation
 * with its calendar file) from the default mailbox, once per notificationId;
 * it is sent, retried and reported like every outbound mail.
 */
@Injectable()
export class QueueNotificationUsecase {
  constructor(
    private readonly repository: OutboundRepository,
    private readonly mailboxes: MailboxDirectory,
    @Inject(ENV) private readonly env: MailEnv,
  ) {}

  async execute(manager: EntityManager, request: NotificationRequestedEvent): Promise<void> {
    const mailbox = this.mailboxes.default;
    const sender = senderIdentity(this.env, mailbox);
    await this.repository.enqueue(manager, {
      id: uuidv7(),
      kind: 'notification',
      requestId: request.notificationId,
      ticketId: null,
      ticketNumber: null,
      mailbox: mailbox.address,
      fromAddress: sender.address,
      fromName: sender.name,
      toAddresses: request.to.map((a) => ({ address: a.address.toLowerCase(), ...(a.name ? { name: a.name } : {}) })),
      ccAddresses: [],
      subject: request.subject,
      textBody: request.text,
      rfcMessageId: newMessageId(sender.messageIdDomain),
      inReplyTo: null,
      referenceIds: [],
      extraHeaders: {},
      attachmentIds: [],
      inlineAttachments: request.attachments,
    });
  }
}
