import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Transactions } from '@d115/database';
import { childLogger } from '@d115/observability';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { TelephonyEnv } from '../../../config/telephony.env';
import { PrivacyRepository } from '../../privacy.repository';

const HOURLY_MS = 3600 * 1000;

/**
 * Caller numbers are kept in clear only while telephony may need them: to call back (a callback
 * to the number the citizen called from is chosen at wrap-up) and while a case related to the
 * call is open — one the wrap-up opened (the tickets service names the call as the case's
 * `originRef`) or one the screen pop showed. `TELEPHONY_NUMBER_RETENTION_DAYS` after the last
 * related case closed (the tickets service's `state-changed`), or after the call when no case is
 * related, the number is cleared. The keyed pseudonym stays for the statistics. Every run that
 * cleared numbers is audited.
 */
@Injectable()
export class ClearCallerNumbersUsecase implements OnModuleInit {
  static readonly JOB = 'clear-caller-numbers';
  private readonly logger = childLogger('privacy');

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: PrivacyRepository,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    @Inject(ENV) private readonly env: TelephonyEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: ClearCallerNumbersUsecase.JOB, everyMs: HOURLY_MS, run: () => this.execute() });
  }

  execute(limit = 5000): Promise<number> {
    return this.transactions.run(async (manager) => {
      const at = this.clock.now();
      const retentionDays = this.env.TELEPHONY_NUMBER_RETENTION_DAYS;
      const before = new Date(at.getTime() - retentionDays * 86400 * 1000);
      const cleared = await this.repository.clearNumbers(manager, before, at, limit);
      await this.repository.forgetClosedCases(manager, before);
      if (cleared > 0) {
        await this.repository.audit(manager, { at, cleared, retentionDays, actor: 'system:telephony' });
        this.logger.info({ cleared, retentionDays }, 'caller numbers past retention cleared');
      }
      return cleared;
    });
  }
}
