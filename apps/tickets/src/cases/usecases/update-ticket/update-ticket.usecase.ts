import { Injectable } from '@nestjs/common';
import { TicketErrorCode, TicketView, UpdateTicketRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { QueuesRepository } from '../../../queues/queues.repository';
import { RoutingSignals } from '../../../shared/routing-signals';
import { TicketsException } from '../../../shared/tickets.exception';
import { TicketPatch } from '../../cases.repository';
import { toTicketView } from '../../domain/ticket.mapper';
import { TicketWorkflow } from '../../ticket-workflow';

/** Changes case data; `undefined` leaves a field, `null` clears it; each change goes into the history. */
@Injectable()
export class UpdateTicketUsecase {
  constructor(
    private readonly workflow: TicketWorkflow,
    private readonly queues: QueuesRepository,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
  ) {}

  execute(cmd: UpdateTicketRequest): Promise<TicketView> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.workflow.loadForChange(manager, cmd.ticketId, cmd.expectedVersion, cmd.scope);
      if (cmd.queue && cmd.queue !== ticket.queueId && !(await this.queues.find(manager, cmd.queue))) {
        throw new TicketsException(TicketErrorCode.QUEUE_NOT_FOUND, `queue ${cmd.queue} does not exist`);
      }
      const patch: TicketPatch = {};
      if (cmd.subject !== undefined) patch.subject = cmd.subject;
      if (cmd.citizen !== undefined) {
        patch.citizenName = cmd.citizen?.name ?? null;
        patch.citizenEmail = cmd.citizen?.email ?? null;
        patch.citizenPhone = cmd.citizen?.phone ?? null;
        patch.citizenPreferredChannel = cmd.citizen?.preferredChannel ?? null;
      }
      if (cmd.leikaKey !== undefined) patch.leikaKey = cmd.leikaKey;
      if (cmd.ars !== undefined) patch.ars = cmd.ars;
      if (cmd.language !== undefined) patch.language = cmd.language;
      if (cmd.priority !== undefined) patch.priority = cmd.priority;
      if (cmd.queue !== undefined) patch.queueId = cmd.queue;
      const updated = await this.workflow.change(manager, ticket, patch, cmd.actor);
      const reroute = updated.routingStatus === 'queued' && (updated.queueId !== ticket.queueId || updated.priority !== ticket.priority);
      if (reroute) this.transactions.afterCommit(manager, () => this.signals.caseWaiting(updated.id));
      return toTicketView(updated);
    });
  }
}
