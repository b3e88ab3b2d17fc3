import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { insertRows } from '../common/insert-rows';
import { AcknowledgmentEntity, AcknowledgmentState } from './entities/acknowledgment.entity';
import { OutboundMessageEntity } from './entities/outbound-message.entity';
import { UndeliverableAddressEntity } from './entities/undeliverable-address.entity';

export type NewOutbound = Omit<
  OutboundMessageEntity,
  'status' | 'attempts' | 'nextAttemptAt' | 'leaseUntil' | 'lastError' | 'relayResponse' | 'createdAt' | 'sentAt' | 'inlineAttachments'
> & { inlineAttachments?: OutboundMessageEntity['inlineAttachments'] };

const OUTBOUND_COLUMNS = [
  'id',
  'kind',
  'request_id',
  'ticket_id',
  'ticket_number',
  'mailbox',
  'from_address',
  'from_name',
  'to_addresses',
  'cc_addresses',
  'subject',
  'text_body',
  'rfc_message_id',
  'in_reply_to',
  'reference_ids',
  'extra_headers',
  'attachment_ids',
  'inline_attachments',
];

@Injectable()
export class OutboundRepository {
  /** Queues a mail; false when a mail for the same request is already queued (idempotent by requestId). */
  async enqueue(manager: EntityManager, mail: NewOutbound): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO outbound_message (${OUTBOUND_COLUMNS.join(', ')}, status)
       VALUES (${OUTBOUND_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, 'queued')
       ON CONFLICT (request_id) DO NOTHING RETURNING 1`,
      [
        mail.id,
        mail.kind,
        mail.requestId,
        mail.ticketId,
        mail.ticketNumber,
        mail.mailbox,
        mail.fromAddress,
        mail.fromName,
        JSON.stringify(mail.toAddresses),
        JSON.stringify(mail.ccAddresses),
        mail.subject,
        mail.textBody,
        mail.rfcMessageId,
        mail.inReplyTo,
        mail.referenceIds,
        JSON.stringify(mail.extraHeaders),
        mail.attachmentIds,
        JSON.stringify(mail.inlineAttachments ?? []),
      ],
    );
    return rows.length > 0;
  }

  /**
   * Takes due mails for sending: queued ones whose time has come, and ones whose
   * sender died mid-send (lease expired). SKIP LOCKED lets several instances share the queue.
   */
  async claimDue(manager: EntityManager, limit: number, leaseMs: number): Promise<OutboundMessageEntity[]> {
    // A CTE, because TypeORM hands back UPDATE … RETURNING as [rows, count] but SELECT as rows.
    const ids: { id: string }[] = await manager.query(
      `WITH claimed AS (
         UPDATE outbound_message SET status = 'sending', attempts = attempts + 1, lease_until = now() + ($2::int * interval '1 millisecond')
         WHERE id IN (
           SELECT id FROM outbound_message
           WHERE (status = 'queued' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id)
       SELECT id FROM claimed`,
      [limit, leaseMs],
    );
    if (ids.length === 0) return [];
    return manager.getRepository(OutboundMessageEntity).find({ where: { id: In(ids.map((row) => row.id)) }, order: { nextAttemptAt: 'ASC' } });
  }

  async markSent(manager: EntityManager, id: string, response: string): Promise<void> {
    await manager.query(`UPDATE outbound_message SET status = 'sent', sent_at = now(), lease_until = NULL, relay_response = $2 WHERE id = $1`, [id, response]);
  }

  async reschedule(manager: EntityManager, id: string, delayMs: number, error: string): Promise<void> {
    await manager.query(
      `UPDATE outbound_message SET status = 'queued', lease_until = NULL, last_error = $3, next_attempt_at = now() + ($2::bigint * interval '1 millisecond')
       WHERE id = $1`,
      [id, delayMs, error],
    );
  }

  async markFailed(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(`UPDATE outbound_message SET status = 'failed', lease_until = NULL, last_error = $2 WHERE id = $1`, [id, error]);
  }

  findByRfcMessageId(manager: EntityManager, rfcMessageId: string): Promise<OutboundMessageEntity | null> {
    return manager.getRepository(OutboundMessageEntity).findOne({ where: { rfcMessageId } });
  }

  async noteBounce(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(`UPDATE outbound_message SET last_error = $2 WHERE id = $1`, [id, error]);
  }

  // ---- acknowledgments -----------------------------------------------------------------

  async planAcknowledgments(
    manager: EntityManager,
    acks: Pick<AcknowledgmentEntity, 'messageId' | 'mailbox' | 'rfcMessageId' | 'recipient' | 'recipientName' | 'subject'>[],
  ): Promise<void> {
    if (acks.length === 0) return;
    await insertRows(
      manager,
      'acknowledgment',
      ['message_id', 'mailbox', 'rfc_message_id', 'recipient', 'recipient_name', 'subject', 'state'],
      acks.map((ack) => [ack.messageId, ack.mailbox, ack.rfcMessageId, ack.recipient.toLowerCase(), ack.recipientName, ack.subject, 'awaiting-ticket']),
      'ON CONFLICT (message_id) DO NOTHING',
    );
  }

  /** Acknowledgments still waiting for the ticket of these mails, locked for the decision. */
  findAwaiting(manager: EntityManager, rfcMessageIds: string[]): Promise<AcknowledgmentEntity[]> {
    return manager
      .getRepository(AcknowledgmentEntity)
      .find({ where: { rfcMessageId: In(rfcMessageIds), state: 'awaiting-ticket' }, lock: { mode: 'pessimistic_write' } });
  }

  async decideAcknowledgment(
    manager: EntityManager,
    messageId: string,
    decision: { state: AcknowledgmentState; ticketId: string; outboundId?: string },
  ): Promise<void> {
    await manager.query(`UPDATE acknowledgment SET state = $2, ticket_id = $3, outbound_id = $4, decided_at = now() WHERE message_id = $1`, [
      messageId,
      decision.state,
      decision.ticketId,
      decision.outboundId ?? null,
    ]);
  }

  /**
   * Acknowledgments sent to the address within the window. Serialized per
   * address (advisory lock until commit), so parallel decisions cannot both pass the limit.
   */
  async countRecentAcknowledgments(manager: EntityManager, recipient: string, windowMs: number): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('d115:mail:ack:' || $1))`, [recipient]);
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM acknowledgment WHERE recipient = $1 AND state = 'queued' AND decided_at > now() - ($2::bigint * interval '1 millisecond')`,
      [recipient, windowMs],
    );
    return rows[0].count;
  }

  // ---- undeliverable addresses ----------------------------------------------------------

  async markUndeliverable(manager: EntityManager, entry: { address: string; status?: string; reason?: string; bounceMessageId: string }): Promise<void> {
    await manager.query(
      `INSERT INTO undeliverable_address (address, status, reason, bounce_message_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (address) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, bounce_message_id = EXCLUDED.bounce_message_id, detected_at = now()`,
      [entry.address.toLowerCase(), entry.status ?? null, entry.reason ?? null, entry.bounceMessageId],
    );
  }

  async isUndeliverable(manager: EntityManager, address: string): Promise<boolean> {
    return (await manager.getRepository(UndeliverableAddressEntity).count({ where: { address: address.toLowerCase() } })) > 0;
  }
}
