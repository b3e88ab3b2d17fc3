import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { eventAbout, TicketEvents, TicketReservationExpiredEvent } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { Transactions } from '@d115/database';
import { AuditRepository } from '../../../audit/audit.repository';
import { CasesRepository } from '../../../cases/cases.repository';
import { TicketsEnv } from '../../../config/tickets.env';
import { RoutingSignals } from '../../../shared/routing-signals';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignmentSteps } from '../../assignment-steps';

/**
 * Scheduled: offers not answered in time expire; the case goes to the next
 * agent. Each offer in its own short transaction; a case another instance
 * holds is skipped and looked at again next pass.
 */
@Injectable()
export class ExpireReservationsUsecase implements OnModuleInit {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly cases: CasesRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxWriter,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'reservation-timeouts', run: () => this.execute() });
  }

  async execute(): Promise<number> {
    const now = this.clock.now();
    const due = await this.repository.dueReservations(this.transactions.manager, now, this.env.TICKETS_SCHEDULER_BATCH);
    let expired = 0;
    for (const candidate of due) if (await this.expire(candidate.id, candidate.ticketId)) expired++;
    return expired;
  }

  private expire(reservationId: string, ticketId: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.cases.tryLock(manager, ticketId);
      if (!ticket) return false;
      const reservation = await this.repository.lockReservation(manager, reservationId);
      const at = this.clock.now();
      if (!reservation || reservation.status !== 'pending' || reservation.expiresAt > at) return false;
      await this.repository.decide(manager, reservation.id, 'expired', at, 'not accepted in time');
      await this.steps.unreserve(manager, reservation, at);
      await this.audit.record(manager, {
        ticketId,
        subjectId: ticketId,
        actor: 'system:routing',
        action: 'reservation-expired',
        oldValue: reservation.agentId,
        at,
      });
      await this.outbox.append<TicketReservationExpiredEvent>(manager, {
        subject: TicketEvents.reservationExpired,
        about: eventAbout('ticket', ticketId),
        data: { reservationId: reservation.id, ticketId, number: ticket.number, agentId: reservation.agentId },
      });
      this.transactions.afterCommit(manager, () => this.signals.caseWaiting(ticketId));
      return true;
    });
  }
}
