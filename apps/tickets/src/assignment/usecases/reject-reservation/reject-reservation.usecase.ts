import { Injectable } from '@nestjs/common';
import { RejectReservationRequest, ReservationView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { RoutingSignals } from '../../../shared/routing-signals';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignmentSteps } from '../../assignment-steps';
import { toReservationView } from '../../reservation.mapper';

/** The agent declines: the case waits again (keeping its age) and goes to the next agent; not to this one again. */
@Injectable()
export class RejectReservationUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly audit: AuditRepository,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: RejectReservationRequest): Promise<ReservationView> {
    return this.transactions.run(async (manager) => {
      const at = this.clock.now();
      const { ticket, reservation } = await this.steps.lockOfferForDecision(manager, cmd.reservationId, cmd.actor, at);
      await this.repository.decide(manager, reservation.id, 'rejected', at, cmd.reason);
      await this.steps.unreserve(manager, reservation, at);
      await this.audit.record(manager, {
        ticketId: ticket.id,
        subjectId: ticket.id,
        actor: cmd.actor,
        action: 'reservation-rejected',
        oldValue: reservation.agentId,
        newValue: cmd.reason,
        at,
      });
      this.transactions.afterCommit(manager, () => {
        this.signals.caseWaiting(ticket.id);
        this.signals.agentFree(reservation.agentId);
      });
      return toReservationView({ ...reservation, status: 'rejected', decidedAt: at }, ticket.number);
    });
  }
}
