import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { eventAbout, ForwardTicketRequest, ReplyRequestedEvent, TicketErrorCode, TicketEvents, TicketForwardedEvent, TicketView } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { CasesRepository } from '../../../cases/cases.repository';
import { toTicketView } from '../../../cases/domain/ticket.mapper';
import { TicketWorkflow } from '../../../cases/ticket-workflow';
import { TicketsException } from '../../../shared/tickets.exception';
import { TimelineRepository } from '../../../timeline/timeline.repository';
import { ResolveAuthorityUsecase } from '../resolve-authority/resolve-authority.usecase';

/**
 * Forwards a case to the responsible authority: the mail service sends it
 * (`reply.requested`, kind `forward`, with the ticket number so the answer
 * threads back), `ticket.forwarded` is raised and the case waits in
 * `pending_authority` — all in one transaction.
 */
@Injectable()
export class ForwardTicketUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly workflow: TicketWorkflow,
    private readonly timeline: TimelineRepository,
    private readonly resolveAuthority: ResolveAuthorityUsecase,
    private readonly outbox: OutboxWriter,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ForwardTicketRequest): Promise<TicketView> {
    const current = await this.cases.find(this.transactions.manager, cmd.ticketId);
    if (!current) throw new TicketsException(TicketErrorCode.NOT_FOUND, `ticket ${cmd.ticketId} does not exist`);
    // Asked before the transaction: no row stays locked while another service thinks.
    const authority = await this.resolveAuthority.execute(this.transactions.manager, current, cmd);
    return this.transactions.run(async (manager) => {
      let ticket = await this.workflow.loadForChange(manager, cmd.ticketId, cmd.expectedVersion, cmd.scope);
      const request = await this.timeline.firstRequest(manager, ticket.id);
      const text = [cmd.text?.trim(), request ? `--- Anliegen (${ticket.number}) ---\n${request.body}` : undefined].filter(Boolean).join('\n\n');
      const requestId = uuidv7();
      const at = this.clock.now();
      await this.timeline.add(manager, {
        ticketId: ticket.id,
        kind: 'forward',
        author: cmd.actor,
        toAddresses: [authority.email],
        subject: ticket.subject,
        body: text,
        replyRequestId: requestId,
        createdAt: at,
      });
      ticket = await this.workflow.change(
        manager,
        ticket,
        { forwardedAuthorityName: authority.name, forwardedAuthorityEmail: authority.email, forwardedAt: at },
        cmd.actor,
        { action: `forwarded (${authority.source})`, events: false },
      );
      await this.outbox.append<TicketForwardedEvent>(manager, {
        subject: TicketEvents.forwarded,
        about: eventAbout('ticket', ticket.id),
        data: { ticketId: ticket.id, number: ticket.number, authorityName: authority.name, authorityEmail: authority.email },
      });
      await this.outbox.append<ReplyRequestedEvent>(manager, {
        subject: TicketEvents.replyRequested,
        about: eventAbout('ticket', ticket.id),
        data: {
          requestId,
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          kind: 'forward',
          ...(ticket.mailbox ? { mailbox: ticket.mailbox } : {}),
          to: [{ address: authority.email, name: authority.name }],
          subject: ticket.subject,
          text: text || ticket.subject,
        },
      });
      return toTicketView(await this.workflow.moveAlong(manager, ticket, 'pending_authority', cmd.actor, `forwarded to ${authority.name}`));
    });
  }
}
