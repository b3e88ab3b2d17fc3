import { Global, Module } from '@nestjs/common';
import { Clock, ENV, Scheduler, SCHEDULER_OPTIONS, SchedulerOptions } from '@d115/platform';
import { TicketsEnv } from '../config/tickets.env';
import { RoutingSignals } from './routing-signals';
import { TicketHooks } from './ticket-hooks';

/** Cross-cutting plumbing every feature of the service uses. */
@Global()
@Module({
  providers: [
    Clock,
    RoutingSignals,
    {
      provide: SCHEDULER_OPTIONS,
      inject: [ENV],
      useFactory: (env: TicketsEnv): SchedulerOptions => ({
        enabled: env.TICKETS_SCHEDULER_ENABLED,
        tickMs: env.TICKETS_SCHEDULER_TICK_MS,
        batch: env.TICKETS_SCHEDULER_BATCH,
      }),
    },
    Scheduler,
    TicketHooks,
  ],
  exports: [Clock, RoutingSignals, Scheduler, TicketHooks],
})
export class SharedModule {}
