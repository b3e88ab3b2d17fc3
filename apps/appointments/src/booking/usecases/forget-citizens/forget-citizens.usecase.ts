import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Transactions } from '@d115/database';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { AppointmentsEnv } from '../../../config/appointments.env';

/**
 * Scheduled: the citizen's name, email and phone leave a booking
 * APPOINTMENTS_RETENTION_DAYS after it ended (its appointment passed, or it was
 * cancelled or expired). Figures need none of them. Rows are claimed with SKIP
 * LOCKED, so several instances share the work.
 */
@Injectable()
export class ForgetCitizensUsecase implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'forget-citizens', everyMs: 60_000, run: () => this.execute() });
  }

  execute(): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.env.APPOINTMENTS_RETENTION_DAYS * 86_400_000);
    return this.transactions.run(async (manager) => {
      const [rows]: [unknown[], number] = await manager.query(
        `UPDATE appointment SET citizen_name = NULL, citizen_email = NULL, citizen_phone = NULL, updated_at = $3
         WHERE id IN (SELECT id FROM appointment
                      WHERE (citizen_name IS NOT NULL OR citizen_email IS NOT NULL OR citizen_phone IS NOT NULL)
                        AND (ends_at < $1 OR (status IN ('cancelled', 'expired') AND updated_at < $1))
                      LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING 1`,
        [cutoff, this.env.APPOINTMENTS_SWEEP_BATCH, now],
      );
      return rows.length;
    });
  }
}
