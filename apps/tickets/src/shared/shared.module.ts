import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { RoutingSignals } from './routing-signals';
import { Scheduler } from './scheduler';
import { TicketHooks } from './ticket-hooks';
import { Transactions } from './transactions';

/** Cross-cutting plumbing every feature of the service uses. */
@Global()
@Module({
  providers: [Clock, Transactions, RoutingSignals, Scheduler, TicketHooks],
  exports: [Clock, Transactions, RoutingSignals, Scheduler, TicketHooks],
})
export class SharedModule {}
