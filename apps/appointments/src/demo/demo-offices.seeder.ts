import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Transactions } from '@d115/database';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { AppointmentsEnv } from '../config/appointments.env';
import { OfficesRepository } from '../offices/offices.repository';
import { UpsertOfficeUsecase } from '../offices/usecases/upsert-office/upsert-office.usecase';
import { ROSTOCK_DEMO_OFFICES, ROSTOCK_DEMO_SOURCE } from './rostock-offices';

/**
 * `npm start` on a fresh database has offices to book: the Rostock demo offices
 * are loaded in one transaction when there is no office and APPOINTMENTS_DEMO_OFFICES
 * is not false. The office table is locked for it, so two instances starting at
 * once load them once.
 */
@Injectable()
export class DemoOfficesSeeder implements OnApplicationBootstrap {
  private readonly logger = childLogger('demo-offices');

  constructor(
    private readonly offices: OfficesRepository,
    private readonly upsert: UpsertOfficeUsecase,
    private readonly transactions: Transactions,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.APPOINTMENTS_DEMO_OFFICES) return;
    const loaded = await this.transactions.run(async (manager) => {
      await manager.query('LOCK TABLE office IN SHARE ROW EXCLUSIVE MODE');
      if (!(await this.offices.isEmpty(manager))) return 0;
      for (const office of ROSTOCK_DEMO_OFFICES) await this.upsert.save(manager, 'system:demo', { ...office, source: ROSTOCK_DEMO_SOURCE });
      return ROSTOCK_DEMO_OFFICES.length;
    });
    if (loaded) this.logger.info({ offices: loaded }, 'Rostock demo offices loaded');
  }
}
