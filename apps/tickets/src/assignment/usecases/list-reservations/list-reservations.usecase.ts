import { Injectable } from '@nestjs/common';
import { ListReservationsRequest, ReservationView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { CasesRepository } from '../../../cases/cases.repository';
import { AssignmentRepository } from '../../assignment.repository';
import { toReservationView } from '../../reservation.mapper';

/** The agent's open offers (what the console shows to accept or reject). */
@Injectable()
export class ListReservationsUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly cases: CasesRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: ListReservationsRequest): Promise<ReservationView[]> {
    const manager = this.transactions.manager;
    const pending = await this.repository.pendingOf(manager, query.agentId);
    return Promise.all(pending.map(async (reservation) => toReservationView(reservation, (await this.cases.find(manager, reservation.ticketId))!.number)));
  }
}
