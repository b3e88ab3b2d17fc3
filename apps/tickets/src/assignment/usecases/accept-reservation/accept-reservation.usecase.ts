import { Injectable } from '@nestjs/common';
import { AcceptReservationRequest, TicketView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { toTicketView } from '../../../cases/domain/ticket.mapper';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignmentSteps } from '../../assignment-steps';

/** The agent takes the offered case: they own it now and it opens. */
@Injectable()
export class AcceptReservationUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: AcceptReservationRequest): Promise<TicketView> {
    return this.transactions.run(async (manager) => {
      const at = this.clock.now();
      const { ticket, reservation } = await this.steps.lockOfferForDecision(manager, cmd.reservationId, cmd.actor, at);
      await this.repository.decide(manager, reservation.id, 'accepted', at);
      return toTicketView(await this.steps.assign(manager, ticket, reservation.agentId, 'reservation', cmd.actor, at));
    });
  }
}
