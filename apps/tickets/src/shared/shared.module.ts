import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { RoutingSignals } from './routing-signals';
import { Scheduler } from './scheduler';
import { TicketHooks } from './ticket-hooks';

/** Cross-cutting plumbing every feature of the service uses. */
@Global()
@Module({
  providers: [Clock, RoutingSignals, Scheduler, TicketHooks],
  exports: [Clock, RoutingSignals, Scheduler, TicketHooks],
})
export class SharedModule {}
