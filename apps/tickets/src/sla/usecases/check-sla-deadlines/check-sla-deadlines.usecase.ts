import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { Transactions } from '@d115/database';
import { TicketsEnv } from '../../../config/tickets.env';
import { SlaEvents } from '../../sla-events';
import { SlaRepository } from '../../sla.repository';

/**
 * The scheduled check that raises `sla.warning` and `sla.breached` on time
 * even when nothing else happens to a case. Exactly once: the flag is set in
 * the transaction that writes the event, and due clocks are claimed with
 * SKIP LOCKED, so parallel instances split the work instead of repeating it.
 */
@Injectable()
export class CheckSlaDeadlinesUsecase implements OnModuleInit {
  constructor(
    private readonly sla: SlaRepository,
    private readonly events: SlaEvents,
    private readonly transactions: Transactions,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'sla-check', run: () => this.execute() });
  }

  execute(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const due = await this.sla.claimDue(manager, now, this.env.TICKETS_SCHEDULER_BATCH);
      for (const { clock, ...ticket } of due) {
        if (!clock.warnedAt && clock.warnAt && clock.warnAt <= now) {
          await this.events.raise(manager, 'warning', clock, ticket, clock.dueAt!);
          clock.warnedAt = now;
          clock.warnAt = null;
        }
        if (!clock.breachedAt && clock.dueAt && clock.dueAt <= now) {
          await this.events.raise(manager, 'breached', clock, ticket, clock.dueAt);
          clock.breachedAt = now;
        }
        await this.sla.saveClock(manager, clock);
      }
      return due.length;
    });
  }
}
