import { Inject, Injectable } from '@nestjs/common';
import { GetServiceLevelReply, GetServiceLevelRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { ENV } from '@d115/platform';
import { TelephonyEnv } from '../../../config/telephony.env';
import { intervalStartOf } from '../../domain/contribution';
import { toFigures } from '../../domain/figures';
import { ServiceLevelRepository } from '../../service-level.repository';

/** The 115 figures for a range, per interval, local day or in total; one queue or all. */
@Injectable()
export class GetServiceLevelUsecase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: ServiceLevelRepository,
    @Inject(ENV) private readonly env: TelephonyEnv,
  ) {}

  async execute(request: GetServiceLevelRequest): Promise<GetServiceLevelReply> {
    const rows = await this.repository.figures(this.transactions.manager, {
      from: intervalStartOf(new Date(request.from)),
      to: new Date(request.to),
      ...(request.queue !== undefined ? { queue: request.queue } : {}),
      granularity: request.granularity ?? 'day',
      timeZone: 'Europe/Berlin',
    });
    return {
      thresholdSeconds: this.env.TELEPHONY_SERVICE_LEVEL_THRESHOLD_S,
      shortAbandonSeconds: this.env.TELEPHONY_SHORT_ABANDON_S,
      periods: rows.map(toFigures),
    };
  }
}
