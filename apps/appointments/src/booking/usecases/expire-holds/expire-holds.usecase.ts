import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Transactions } from '@d115/database';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { AppointmentsEnv } from '../../../config/appointments.env';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingSteps } from '../../booking-steps';

/**
 * Scheduled: holds that ran out expire and write `appointment.expired`. The
 * batch is claimed with SKIP LOCKED, so several instances sweep side by side
 * without doing a hold twice. The slot is free before the sweep comes: the
 * booked units of a lapsed hold no longer count for availability or reservation.
 */
@Injectable()
export class ExpireHoldsUsecase implements OnModuleInit {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly steps: BookingSteps,
    private readonly transactions: Transactions,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'hold-expiry', run: () => this.execute() });
  }

  execute(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const lapsed = await this.appointments.claimLapsed(manager, now, this.env.APPOINTMENTS_SWEEP_BATCH);
      for (const appointment of lapsed) await this.steps.expire(manager, appointment, now, 'system:hold-expiry');
      return lapsed.length;
    });
  }
}
