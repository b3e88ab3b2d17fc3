import { Global, Module } from '@nestjs/common';
import { Clock, ENV, Scheduler, SCHEDULER_OPTIONS, SchedulerOptions } from '@d115/platform';
import { AppointmentsEnv } from '../config/appointments.env';

/** Cross-cutting plumbing every feature of the service uses. */
@Global()
@Module({
  providers: [
    Clock,
    {
      provide: SCHEDULER_OPTIONS,
      inject: [ENV],
      useFactory: (env: AppointmentsEnv): SchedulerOptions => ({
        enabled: env.APPOINTMENTS_SCHEDULER_ENABLED,
        tickMs: env.APPOINTMENTS_SWEEP_MS,
        batch: env.APPOINTMENTS_SWEEP_BATCH,
      }),
    },
    Scheduler,
  ],
  exports: [Clock, Scheduler],
})
export class SharedModule {}
