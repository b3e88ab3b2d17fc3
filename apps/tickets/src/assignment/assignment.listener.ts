import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CasesRepository } from '../cases/cases.repository';
import { isActive } from '../cases/domain/ticket-state-machine';
import { RoutingSignals } from '../shared/routing-signals';
import { StateChange, TicketHooks, TicketListener } from '../shared/ticket-hooks';
import { AssignmentRepository } from './assignment.repository';
import { AssignmentSteps } from './assignment-steps';
import { Transactions } from '@d115/database';

/**
 * Keeps routing in step with the case's state, in the same transaction:
 * leaving active work (pending, answered, closed) frees the owner's capacity or
 * withdraws the offer; coming back (reopen) returns the case to its owner when
 * they have room and are not offline, else it waits for the next agent.
 */
@Injectable()
export class AssignmentListener implements TicketListener, OnModuleInit {
  constructor(
    private readonly hooks: TicketHooks,
    private readonly repository: AssignmentRepository,
    private readonly cases: CasesRepository,
    private readonly steps: AssignmentSteps,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async stateChanged(manager: EntityManager, { ticket, from, to, at, actor }: StateChange): Promise<void> {
    if (isActive(from) && !isActive(to)) await this.park(manager, ticket.id, at);
    if (!isActive(from) && isActive(to)) await this.resume(manager, ticket.id, actor, at);
  }

  private async park(manager: EntityManager, ticketId: string, at: Date): Promise<void> {
    const ticket = (await this.cases.find(manager, ticketId))!;
    const owner = ticket.ownerAgentId;
    if (ticket.routingStatus === 'assigned' && owner) {
      await this.repository.releaseLoad(manager, owner, ticket.channel);
      this.transactions.afterCommit(manager, () => this.signals.agentFree(owner));
    }
    if (ticket.routingStatus === 'reserved') {
      const offer = await this.repository.cancelPending(manager, ticketId, at, 'case left active work');
      if (offer) {
        await this.repository.releaseLoad(manager, offer.agentId, offer.channel);
        this.transactions.afterCommit(manager, () => this.signals.agentFree(offer.agentId));
      }
    }
    await this.repository.route(manager, ticketId, { status: 'parked', queuedAt: null, clearEscalation: true }, at);
  }

  private async resume(manager: EntityManager, ticketId: string, actor: string, at: Date): Promise<void> {
    const ticket = (await this.cases.find(manager, ticketId))!;
    const owner = ticket.ownerAgentId;
    if (owner && (await this.repository.takeLoad(manager, owner, ticket.channel, at, { requirePresent: true }))) {
      await this.steps.assign(manager, ticket, owner, 'reopen', actor, at);
      return;
    }
    await this.repository.route(manager, ticketId, { status: 'queued', ownerAgentId: null, queuedAt: at }, at);
    this.transactions.afterCommit(manager, () => this.signals.caseWaiting(ticketId));
  }
}
