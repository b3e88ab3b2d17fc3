import { Injectable } from '@nestjs/common';
import { AcceptReservationRequest, TicketErrorCode, TicketView } from '@d115/contracts';
import { CasesRepository } from '../../../cases/cases.repository';
import { toTicketView } from '../../../cases/domain/ticket.mapper';
import { Clock } from '../../../shared/clock';
import { TicketsException } from '../../../shared/tickets.exception';
import { Transactions } from '../../../shared/transactions';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignmentSteps } from '../../assignment-steps';
import { decidableReservation } from '../../domain/decidable-reservation';

/** The agent takes the offered case: they own it now and it opens. */
@Injectable()
export class AcceptReservationUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly cases: CasesRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: AcceptReservationRequest): Promise<TicketView> {
    return this.transactions.run(async (manager) => {
      const offer = await this.repository.findReservation(manager, cmd.reservationId);
      if (!offer) throw new TicketsException(TicketErrorCode.RESERVATION_NOT_FOUND, `reservation ${cmd.reservationId} does not exist`);
      const ticket = (await this.cases.lock(manager, offer.ticketId))!;
      const at = this.clock.now();
      const reservation = decidableReservation(await this.repository.lockReservation(manager, offer.id), cmd.actor, at);
      await this.repository.decide(manager, reservation.id, 'accepted', at);
      return toTicketView(await this.steps.assign(manager, ticket, reservation.agentId, 'reservation', cmd.actor, at));
    });
  }
}
