import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailMessageReceivedEvent } from '@d115/contracts';

/** Mails that belong to no case: kept (without their text) so ops can see what was dropped and why. */
@Injectable()
export class IntakeRepository {
  async keepUnattached(manager: EntityManager, mail: MailMessageReceivedEvent, reason: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO unattached_mail (mail_message_id, rfc_message_id, mailbox, classification, reason, received_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (mail_message_id) DO NOTHING`,
      [mail.messageId, mail.rfcMessageId, mail.mailbox, mail.classification, reason, at],
    );
  }
}
