import { Global, Module } from '@nestjs/common';
import { Clock, ENV, PhonePseudonym, Scheduler, SCHEDULER_OPTIONS, SchedulerOptions } from '@d115/platform';
import { TelephonyEnv } from '../config/telephony.env';
import { AgentDirectory } from './agent-directory';

/** Cross-cutting plumbing of the telephony service. */
@Global()
@Module({
  providers: [
    Clock,
    AgentDirectory,
    { provide: PhonePseudonym, inject: [ENV], useFactory: (env: TelephonyEnv) => new PhonePseudonym(env.PHONE_PSEUDONYM_KEY) },
    {
      provide: SCHEDULER_OPTIONS,
      inject: [ENV],
      useFactory: (env: TelephonyEnv): SchedulerOptions => ({ enabled: env.TELEPHONY_SCHEDULER_ENABLED, tickMs: env.TELEPHONY_SCHEDULER_TICK_MS, batch: 500 }),
    },
    Scheduler,
  ],
  exports: [Clock, AgentDirectory, PhonePseudonym, Scheduler],
})
export class SharedModule {}
