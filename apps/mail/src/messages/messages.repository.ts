import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertRows } from '../common/insert-rows';
import { MessageEntity } from './entities/message.entity';

export type NewMessage = Omit<MessageEntity, 'createdAt'>;

const COLUMNS: [keyof NewMessage, string, ('json' | undefined)?][] = [
  ['id', 'id'],
  ['mailbox', 'mailbox'],
  ['rfcMessageId', 'rfc_message_id'],
  ['fromAddress', 'from_address'],
  ['fromName', 'from_name'],
  ['replyTo', 'reply_to', 'json'],
  ['toAddresses', 'to_addresses', 'json'],
  ['ccAddresses', 'cc_addresses', 'json'],
  ['subject', 'subject'],
  ['sentAt', 'sent_at'],
  ['headers', 'headers', 'json'],
  ['inReplyTo', 'in_reply_to'],
  ['referenceIds', 'reference_ids'],
  ['textBody', 'text_body'],
  ['quotedText', 'quoted_text'],
  ['htmlBody', 'html_body'],
  ['classification', 'classification'],
  ['classificationReasons', 'classification_reasons'],
  ['bounce', 'bounce', 'json'],
  ['ticketId', 'ticket_id'],
  ['ticketNumber', 'ticket_number'],
  ['threadReason', 'thread_reason'],
  ['newCase', 'new_case'],
  ['messageIdReused', 'message_id_reused'],
];

@Injectable()
export class MessagesRepository {
  async insertMany(manager: EntityManager, messages: NewMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = messages.map((message) =>
      COLUMNS.map(([key, , kind]) => (kind === 'json' && message[key] !== null ? JSON.stringify(message[key]) : message[key])),
    );
    await insertRows(
      manager,
      'message',
      COLUMNS.map(([, column]) => column),
      rows,
    );
  }
}
