import { Global, Module } from '@nestjs/common';
import { childLogger } from '@d115/observability';
import { Clock, DEV_PHONE_PSEUDONYM_KEY, ENV, PhonePseudonym, Scheduler, SCHEDULER_OPTIONS, SchedulerOptions } from '@d115/platform';
import { TelephonyEnv } from '../config/telephony.env';
import { AgentDirectory } from './agent-directory';

/** Cross-cutting plumbing of the telephony service. */
@Global()
@Module({
  providers: [
    Clock,
    AgentDirectory,
    { provide: PhonePseudonym, inject: [ENV], useFactory: (env: TelephonyEnv) => phonePseudonym(env) },
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

function phonePseudonym(env: TelephonyEnv): PhonePseudonym {
  if (env.PHONE_PSEUDONYM_KEY === DEV_PHONE_PSEUDONYM_KEY) {
    childLogger('privacy').warn('PHONE_PSEUDONYM_KEY is the development default: set a secret of your own in production');
  }
  return new PhonePseudonym(env.PHONE_PSEUDONYM_KEY);
}
