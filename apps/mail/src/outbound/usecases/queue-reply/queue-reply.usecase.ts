import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ReplyRequestedEvent } from '@d115/contracts';
import { ENV } from '@d115/platform';
import { MailEnv } from '../../../config/mail.env';
import { MailboxDirectory } from '../../../mailboxes/mailbox.directory';
import { TicketTag } from '../../../threading/ticket-tag';
import { ThreadingRepository } from '../../../threading/threading.repository';
import { newMessageId, threadingHeaders } from '../../outbound-addressing';
import { OutboundRepository } from '../../outbound.repository';
import { senderIdentity } from '../../sender-identity';

/**
 * Queues a reply or forward the tickets service asked for, once per requestId:
 * our own Message-ID, In-Reply-To/References from the request, the ticket
 * number in the subject. The recipients become participants of the ticket, so
 * their answers thread even without the number in the subject.
 */
@Injectable()
export class QueueReplyUsecase {
  constructor(
    private readonly repository: OutboundRepository,
    private readonly threading: ThreadingRepository,
    private readonly mailboxes: MailboxDirectory,
    private readonly tag: TicketTag,
    @Inject(ENV) private readonly env: MailEnv,
  ) {}

  async execute(manager: EntityManager, request: ReplyRequestedEvent): Promise<void> {
    const mailbox = this.mailboxes.find(request.mailbox) ?? this.mailboxes.default;
    const sender = senderIdentity(this.env, mailbox);
    const rfcMessageId = newMessageId(sender.messageIdDomain);
    const threading = threadingHeaders(request.inReplyTo, request.references);
    const queued = await this.repository.enqueue(manager, {
      id: uuidv7(),
      kind: request.kind,
      requestId: request.requestId,
      ticketId: request.ticketId,
      ticketNumber: request.ticketNumber,
      mailbox: mailbox.address,
      fromAddress: sender.address,
      fromName: sender.name,
      toAddresses: request.to.map((a) => ({ address: a.address.toLowerCase(), ...(a.name ? { name: a.name } : {}) })),
      ccAddresses: (request.cc ?? []).map((a) => ({ address: a.address.toLowerCase(), ...(a.name ? { name: a.name } : {}) })),
      subject: this.tag.ensureIn(request.subject, request.ticketNumber),
      textBody: request.text,
      rfcMessageId,
      inReplyTo: threading.inReplyTo ?? null,
      referenceIds: threading.references,
      extraHeaders: {},
      attachmentIds: request.attachmentIds ?? [],
    });
    if (!queued) return;
    const recipients = [...request.to, ...(request.cc ?? [])].map((a) => a.address);
    await this.threading.upsertTicket(manager, { ticketId: request.ticketId, number: request.ticketNumber, participants: recipients });
    await this.threading.rememberMessage(manager, {
      rfcMessageId,
      ticketId: request.ticketId,
      direction: 'out',
      mailbox: mailbox.address,
      sender: sender.address,
    });
  }
}
