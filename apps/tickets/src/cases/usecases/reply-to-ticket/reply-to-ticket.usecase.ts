import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  eventAbout,
  MailAddressDto,
  ReplyChannel,
  ReplyRequestedEvent,
  ReplyToTicketRequest,
  TicketErrorCode,
  TicketEvents,
  TicketView,
} from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { TicketHooks } from '../../../shared/ticket-hooks';
import { TicketsException } from '../../../shared/tickets.exception';
import { TimelineRepository } from '../../../timeline/timeline.repository';
import { toTicketView } from '../../domain/ticket.mapper';
import { Ticket } from '../../entities/ticket.entity';
import { TicketWorkflow } from '../../ticket-workflow';

/**
 * The agent answers the citizen. By email the mail service sends it
 * (`reply.requested`, threaded on the citizen's last mail); a callback or a
 * letter is recorded as an article. The first answer stops the first-response
 * clock; the case becomes `answered`, or `pending_citizen` when it asks back.
 */
@Injectable()
export class ReplyToTicketUsecase {
  constructor(
    private readonly workflow: TicketWorkflow,
    private readonly timeline: TimelineRepository,
    private readonly outbox: OutboxWriter,
    private readonly hooks: TicketHooks,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: ReplyToTicketRequest): Promise<TicketView> {
    return this.transactions.run(async (manager) => {
      let ticket = await this.workflow.loadForChange(manager, cmd.ticketId, cmd.expectedVersion, cmd.scope);
      const channel: ReplyChannel = cmd.channel ?? ticket.citizenPreferredChannel ?? (ticket.citizenEmail ? 'email' : 'callback');
      const articleId = channel === 'email' ? await this.sendMail(manager, ticket, cmd) : await this.record(manager, ticket, cmd, channel);
      ticket = await this.workflow.touched(manager, ticket, cmd.actor, 'articles', { action: 'reply-added', newValue: articleId });
      if (!ticket.firstRespondedAt) {
        const at = this.clock.now();
        ticket = await this.workflow.change(manager, ticket, { firstRespondedAt: at }, cmd.actor, { action: 'first-response', events: false });
        await this.hooks.firstResponse(manager, ticket, at);
      }
      return toTicketView(await this.workflow.moveAlong(manager, ticket, cmd.awaitCitizen ? 'pending_citizen' : 'answered', cmd.actor));
    });
  }

  private async sendMail(manager: EntityManager, ticket: Ticket, cmd: ReplyToTicketRequest): Promise<string> {
    const to: MailAddressDto[] = cmd.to?.length
      ? cmd.to
      : ticket.citizenEmail
        ? [{ address: ticket.citizenEmail, ...(ticket.citizenName ? { name: ticket.citizenName } : {}) }]
        : [];
    if (to.length === 0) {
      throw new TicketsException(TicketErrorCode.NO_RECIPIENT, `${ticket.number}: no email address for a reply; give "to" or choose callback or letter`);
    }
    const thread = await this.timeline.mailThread(manager, ticket.id);
    const authority = ticket.forwardedAuthorityEmail?.toLowerCase();
    const lastFromCitizen = [...thread].reverse().find((mail) => mail.kind === 'email_in' && mail.fromAddress?.toLowerCase() !== authority);
    const requestId = uuidv7();
    const subject = cmd.subject ?? replySubject(ticket.subject);
    const article = await this.timeline.add(manager, {
      ticketId: ticket.id,
      kind: 'email_out',
      channel: 'email',
      author: cmd.actor,
      toAddresses: to.map((address) => address.address),
      subject,
      body: cmd.text,
      attachmentIds: cmd.attachmentIds ?? null,
      replyRequestId: requestId,
      createdAt: this.clock.now(),
    });
    await this.outbox.append<ReplyRequestedEvent>(manager, {
      subject: TicketEvents.replyRequested,
      about: eventAbout('ticket', ticket.id),
      data: {
        requestId,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        kind: 'reply',
        ...(ticket.mailbox ? { mailbox: ticket.mailbox } : {}),
        to,
        subject,
        text: cmd.text,
        ...(lastFromCitizen ? { inReplyTo: lastFromCitizen.rfcMessageId } : {}),
        ...(thread.length ? { references: thread.map((mail) => mail.rfcMessageId) } : {}),
        ...(cmd.attachmentIds?.length ? { attachmentIds: cmd.attachmentIds } : {}),
      },
    });
    return article.id;
  }

  private async record(manager: EntityManager, ticket: Ticket, cmd: ReplyToTicketRequest, channel: ReplyChannel): Promise<string> {
    const article = await this.timeline.add(manager, {
      ticketId: ticket.id,
      kind: 'reply',
      channel,
      author: cmd.actor,
      body: cmd.text,
      createdAt: this.clock.now(),
    });
    return article.id;
  }
}

export function replySubject(subject: string): string {
  return /^\s*(aw|re|antw)\s*:/i.test(subject) ? subject : `AW: ${subject}`;
}
