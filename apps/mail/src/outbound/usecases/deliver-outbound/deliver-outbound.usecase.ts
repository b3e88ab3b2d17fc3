import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { eventAbout, MailDeliveryFailedEvent, MailMessageSentEvent, MailSubjects } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { AttachmentsRepository } from '../../../attachments/attachments.repository';
import { MailEnv } from '../../../config/mail.env';
import { bracketed } from '../../../parsing/message-ids';
import { OutboundMessageEntity } from '../../entities/outbound-message.entity';
import { outboundMetrics } from '../../outbound.metrics';
import { OutboundRepository } from '../../outbound.repository';
import { classify, RelayError, SmtpRelay } from '../../smtp-relay';

export type DeliveryOutcome = 'sent' | 'retry' | 'failed';

/**
 * Hands one claimed mail to the relay. Accepted → sent + mail.message.sent;
 * temporary failure → retried with exponential backoff until
 * MAIL_OUTBOUND_MAX_ATTEMPTS; permanent failure (or giving up) → failed +
 * mail.delivery.failed per recipient. Recipients the relay refused while
 * accepting others get mail.delivery.failed too.
 */
@Injectable()
export class DeliverOutboundUsecase {
  private readonly logger = childLogger('outbound');

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: OutboundRepository,
    private readonly attachments: AttachmentsRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ENV) private readonly env: MailEnv,
  ) {}

  async execute(relay: SmtpRelay, mail: OutboundMessageEntity): Promise<DeliveryOutcome> {
    const files = await this.attachments.findWithContent(this.transactions.manager, mail.attachmentIds);
    if (files.length !== new Set(mail.attachmentIds).size) {
      const missing = mail.attachmentIds.filter((id) => !files.some((f) => f.entity.id === id));
      return this.fail(mail, new RelayError(`attachments not found: ${missing.join(', ')}`, false));
    }
    const recipients = [...mail.toAddresses, ...mail.ccAddresses].map((a) => a.address);
    try {
      const result = await relay.send({
        from: { name: mail.fromName ?? '', address: mail.fromAddress },
        to: mail.toAddresses.map((a) => ({ name: a.name ?? '', address: a.address })),
        cc: mail.ccAddresses.map((a) => ({ name: a.name ?? '', address: a.address })),
        subject: mail.subject,
        text: mail.textBody,
        messageId: bracketed(mail.rfcMessageId),
        ...(mail.inReplyTo ? { inReplyTo: bracketed(mail.inReplyTo) } : {}),
        ...(mail.referenceIds.length ? { references: mail.referenceIds.map(bracketed) } : {}),
        headers: mail.extraHeaders,
        attachments: [
          ...files.map((f) => ({ filename: f.entity.filename, contentType: f.entity.contentType, content: f.content })),
          ...(mail.inlineAttachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
        ],
        envelope: { from: mail.fromAddress, to: recipients },
      });
      await this.transactions.run((manager) => this.recordSent(manager, mail, result.accepted, result.rejected, result.response));
      outboundMetrics.sent.inc({ kind: mail.kind, outcome: 'sent' });
      return 'sent';
    } catch (error) {
      const failure = error instanceof RelayError ? error : classify(error);
      if (failure.temporary && mail.attempts < this.env.MAIL_OUTBOUND_MAX_ATTEMPTS) {
        const delay = Math.min(this.env.MAIL_OUTBOUND_BACKOFF_MS * 2 ** (mail.attempts - 1), this.env.MAIL_OUTBOUND_BACKOFF_MAX_MS);
        await this.repository.reschedule(this.transactions.manager, mail.id, delay, failure.message);
        this.logger.warn({ outboundId: mail.id, attempts: mail.attempts, retryInMs: delay, err: failure.message }, 'outbound mail failed temporarily');
        outboundMetrics.sent.inc({ kind: mail.kind, outcome: 'retry' });
        return 'retry';
      }
      return this.fail(mail, failure);
    }
  }

  private async fail(mail: OutboundMessageEntity, failure: RelayError): Promise<DeliveryOutcome> {
    const reason = failure.temporary ? `gave up after ${mail.attempts} attempts: ${failure.message}` : failure.message;
    await this.transactions.run(async (manager) => {
      await this.repository.markFailed(manager, mail.id, reason);
      const recipients = [...mail.toAddresses, ...mail.ccAddresses].map((a) => a.address);
      await this.outbox.append(
        manager,
        recipients.map((recipient) => this.failedEvent(mail, recipient, reason, failure.status)),
      );
    });
    this.logger.error({ outboundId: mail.id, reason }, 'outbound mail failed for good');
    outboundMetrics.sent.inc({ kind: mail.kind, outcome: 'failed' });
    return 'failed';
  }

  private async recordSent(manager: EntityManager, mail: OutboundMessageEntity, accepted: string[], rejected: string[], response: string): Promise<void> {
    await this.repository.markSent(manager, mail.id, response);
    const sent: MailMessageSentEvent = {
      outboundId: mail.id,
      ...(mail.requestId ? { requestId: mail.requestId } : {}),
      ...(mail.ticketId ? { ticketId: mail.ticketId } : {}),
      kind: mail.kind,
      rfcMessageId: bracketed(mail.rfcMessageId),
      recipients: accepted,
    };
    await this.outbox.append<MailMessageSentEvent | MailDeliveryFailedEvent>(manager, [
      { subject: MailSubjects.messageSent, data: sent, about: mail.ticketId ? eventAbout('ticket', mail.ticketId) : undefined },
      ...rejected.map((recipient) => this.failedEvent(mail, recipient, 'refused by the relay', undefined)),
    ]);
  }

  private failedEvent(mail: OutboundMessageEntity, recipient: string, reason: string, status: string | undefined) {
    const data: MailDeliveryFailedEvent = {
      outboundId: mail.id,
      ...(mail.requestId ? { requestId: mail.requestId } : {}),
      ...(mail.ticketId ? { ticketId: mail.ticketId } : {}),
      recipient,
      reason,
      ...(status ? { status } : {}),
      detectedBy: 'relay',
    };
    return { subject: MailSubjects.deliveryFailed, data, about: mail.ticketId ? eventAbout('ticket', mail.ticketId) : undefined };
  }
}
