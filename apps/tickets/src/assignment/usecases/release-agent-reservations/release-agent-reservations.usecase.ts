import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../../../audit/audit.repository';
import { CasesRepository } from '../../../cases/cases.repository';
import { RoutingSignals } from '../../../shared/routing-signals';
import { AssignmentRepository } from '../../assignment.repository';
import { AssignmentSteps } from '../../assignment-steps';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';

/** An agent went away or offline: their pending offers go back to waiting, for others. */
@Injectable()
export class ReleaseAgentReservationsUsecase {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly steps: AssignmentSteps,
    private readonly cases: CasesRepository,
    private readonly audit: AuditRepository,
    private readonly signals: RoutingSignals,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(agentId: string): Promise<number> {
    let released = 0;
    for (const offer of await this.repository.pendingOf(this.transactions.manager, agentId)) {
      const done = await this.transactions.run(async (manager) => {
        await this.cases.lock(manager, offer.ticketId);
        const reservation = await this.repository.lockReservation(manager, offer.id);
        const agent = await this.repository.lockAgent(manager, agentId, { skipLocked: false });
        if (reservation?.status !== 'pending' || agent?.presence === 'available') return false;
        const at = this.clock.now();
        await this.repository.decide(manager, reservation.id, 'cancelled', at, `agent ${agent?.presence ?? 'gone'}`);
        await this.steps.unreserve(manager, reservation, at);
        await this.audit.record(manager, {
          ticketId: offer.ticketId,
          subjectId: offer.ticketId,
          actor: 'system:routing',
          action: 'reservation-cancelled',
          oldValue: agentId,
          at,
        });
        this.transactions.afterCommit(manager, () => this.signals.caseWaiting(offer.ticketId));
        return true;
      });
      if (done) released++;
    }
    return released;
  }
}
