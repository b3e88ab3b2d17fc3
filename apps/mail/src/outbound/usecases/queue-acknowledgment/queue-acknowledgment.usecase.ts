import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { TicketCreatedEvent, TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { MailEnv } from '../../../config/mail.env';
import { MailboxDirectory } from '../../../mailboxes/mailbox.directory';
import { normalizeMessageId } from '../../../parsing/message-ids';
import { TicketTag } from '../../../threading/ticket-tag';
import { ThreadingRepository } from '../../../threading/threading.repository';
import { renderAcknowledgment } from '../../acknowledgment-template';
import { AcknowledgmentEntity } from '../../entities/acknowledgment.entity';
import { newMessageId, threadingHeaders } from '../../outbound-addressing';
import { OutboundRepository } from '../../outbound.repository';
import { senderIdentity } from '../../sender-identity';

const HOUR_MS = 3600 * 1000;

/**
 * Sends the acknowledgment once the ticket for a citizen's mail exists
 * (ticket.created naming the mail in mailMessageIds), so it carries the ticket
 * number. At most MAIL_ACK_MAX_PER_HOUR per address; never to an address known
 * to bounce. Marked `Auto-Submitted: auto-replied` (RFC 3834) so that other
 * automated systems do not answer it. The citizen's status access key is asked from
 * the tickets service right here (one key per case, in a reply, never in an event); if
 * tickets does not answer, the event is retried like any failed handling.
 */
@Injectable()
export class QueueAcknowledgmentUsecase {
  private readonly logger = childLogger('acknowledgments');

  constructor(
    private readonly repository: OutboundRepository,
    private readonly threading: ThreadingRepository,
    private readonly mailboxes: MailboxDirectory,
    private readonly tag: TicketTag,
    @Inject(ENV) private readonly env: MailEnv,
    private readonly requests: RequestClient,
  ) {}

  async execute(manager: EntityManager, event: TicketCreatedEvent): Promise<void> {
    const ids = (event.mailMessageIds ?? []).map(normalizeMessageId).filter((id): id is string => Boolean(id));
    if (ids.length === 0) return;
    let statusKey: Promise<string> | undefined;
    // Issuing replaces the case's key: one request per event, shared by its acknowledgments.
    const keyOnce = () =>
      (statusKey ??= this.requests.request(TicketSubjects.issueStatusKey, { actor: 'system:mail', ticketId: event.ticketId }).then((r) => r.key));
    for (const ack of await this.repository.findAwaiting(manager, ids)) {
      await this.decide(manager, ack, event, keyOnce);
    }
  }

  private async decide(manager: EntityManager, ack: AcknowledgmentEntity, event: TicketCreatedEvent, statusKey: () => Promise<string>): Promise<void> {
    const decided = { ticketId: event.ticketId };
    if (await this.repository.isUndeliverable(manager, ack.recipient)) {
      return this.repository.decideAcknowledgment(manager, ack.messageId, { ...decided, state: 'undeliverable' });
    }
    if ((await this.repository.countRecentAcknowledgments(manager, ack.recipient, HOUR_MS)) >= this.env.MAIL_ACK_MAX_PER_HOUR) {
      this.logger.info({ recipient: ack.recipient, ticketId: event.ticketId }, 'acknowledgment suppressed: rate limit for this address');
      return this.repository.decideAcknowledgment(manager, ack.messageId, { ...decided, state: 'rate-limited' });
    }
    const mailbox = this.mailboxes.find(ack.mailbox) ?? this.mailboxes.default;
    const sender = senderIdentity(this.env, mailbox);
    const content = renderAcknowledgment(mailbox, { ticketNumber: event.number, subject: ack.subject, statusKey: await statusKey() });
    const rfcMessageId = newMessageId(sender.messageIdDomain);
    const threading = threadingHeaders(ack.rfcMessageId);
    const outboundId = uuidv7();
    await this.repository.enqueue(manager, {
      id: outboundId,
      kind: 'acknowledgment',
      requestId: null,
      ticketId: event.ticketId,
      ticketNumber: event.number,
      mailbox: mailbox.address,
      fromAddress: sender.address,
      fromName: sender.name,
      toAddresses: [{ address: ack.recipient, ...(ack.recipientName ? { name: ack.recipientName } : {}) }],
      ccAddresses: [],
      subject: this.tag.ensureIn(content.subject, event.number),
      textBody: content.text,
      rfcMessageId,
      inReplyTo: threading.inReplyTo ?? null,
      referenceIds: threading.references,
      extraHeaders: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'X-Loop': mailbox.address },
      attachmentIds: [],
    });
    await this.threading.rememberMessage(manager, {
      rfcMessageId,
      ticketId: event.ticketId,
      direction: 'out',
      mailbox: mailbox.address,
      sender: sender.address,
    });
    await this.repository.decideAcknowledgment(manager, ack.messageId, { ...decided, state: 'queued', outboundId });
  }
}
