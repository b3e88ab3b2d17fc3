import { Injectable } from '@nestjs/common';
import { RejectReservationRequest, ReservationView, TicketErrorCode } from '@d115/contracts';
import { AuditRepository } from '../../../audit/audit.repository';
import { CasesRepository } from '../../../cases/cases.repository';
import { Clock } from '../../../shared/clock';
import { RoutingSignals } from '../../../shared/routing-signals';
import { TicketsException } from '../../../shared/tickets.exception';
import { Transactions } from '../../../shared/transactions';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignmentSteps } from '../../assignment-steps';
import { decidableReservation } from '../../domain/decidable-reservation';
import { toReservationView } from '../../reservation.mapper';

/** The agent declines: the case waits again (keeping its age) and goes to the next agent; not to this one again. */
@Injectable()
export class RejectReservationUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly cases: CasesRepository,
    private readonly audit: AuditRepository,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: RejectReservationRequest): Promise<ReservationView> {
    return this.transactions.run(async (manager) => {
      const offer = await this.repository.findReservation(manager, cmd.reservationId);
      if (!offer) throw new TicketsException(TicketErrorCode.RESERVATION_NOT_FOUND, `reservation ${cmd.reservationId} does not exist`);
      const ticket = (await this.cases.lock(manager, offer.ticketId))!;
      const at = this.clock.now();
      const reservation = decidableReservation(await this.repository.lockReservation(manager, offer.id), cmd.actor, at);
      await this.repository.decide(manager, reservation.id, 'rejected', at, cmd.reason);
      await this.steps.unreserve(manager, reservation, at);
      await this.audit.record(manager, { ticketId: ticket.id, subjectId: ticket.id, actor: cmd.actor, action: 'reservation-rejected', oldValue: reservation.agentId, newValue: cmd.reason, at });
      this.transactions.afterCommit(manager, () => {
        this.signals.caseWaiting(ticket.id);
        this.signals.agentFree(reservation.agentId);
      });
      return toReservationView({ ...reservation, status: 'rejected', decidedAt: at }, ticket.number);
    });
  }
}
