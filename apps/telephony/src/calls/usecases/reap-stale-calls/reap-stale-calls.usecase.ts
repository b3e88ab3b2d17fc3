import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Transactions } from '@d115/database';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { TelephonyEnv } from '../../../config/telephony.env';
import { CallsRepository } from '../../calls.repository';
import { AcceptSignalsUsecase } from '../accept-signals/accept-signals.usecase';

/**
 * Ends calls whose end the telephone system never reported (a lost hangup, a PBX restart):
 * after `TELEPHONY_CALL_TIMEOUT_S` without a signal, the call ends at its last signal. Later
 * signals for its external id find the ended call and change nothing — no second call.
 */
@Injectable()
export class ReapStaleCallsUsecase implements OnModuleInit {
  static readonly JOB = 'reap-stale-calls';

  constructor(
    private readonly transactions: Transactions,
    private readonly calls: CallsRepository,
    private readonly signals: AcceptSignalsUsecase,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    @Inject(ENV) private readonly env: TelephonyEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: ReapStaleCallsUsecase.JOB, run: () => this.execute() });
  }

  execute(limit = 500): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.env.TELEPHONY_CALL_TIMEOUT_S * 1000);
    return this.transactions.run(async (manager) => {
      await this.calls.pruneEarlyEnds(manager, before);
      const stale = await this.calls.findStale(manager, before, limit);
      await this.signals.fold(
        manager,
        stale.map((call) => ({ pbx: call.pbx, externalCallId: call.externalCallId, kind: 'ended' as const, at: call.lastSignalAt, cause: 'reaped' })),
      );
      return stale.length;
    });
  }
}
