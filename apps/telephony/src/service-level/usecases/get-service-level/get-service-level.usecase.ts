import { Inject, Injectable } from '@nestjs/common';
import { GetServiceLevelReply, GetServiceLevelRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { ENV } from '@d115/platform';
import { TelephonyEnv } from '../../../config/telephony.env';
import { intervalStartOf } from '../../domain/contribution';
import { toFigures } from '../../domain/figures';
import { ServiceLevelRepository, TIME_ZONE } from '../../service-level.repository';

/** The 115 figures for a range, per interval, local day or in total; one queue or all. */
@Injectable()
export class GetServiceLevelUsecase {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: ServiceLevelRepository,
    @Inject(ENV) private readonly env: TelephonyEnv,
  ) {}

  async execute(request: GetServiceLevelRequest): Promise<GetServiceLevelReply> {
    const from = intervalStartOf(new Date(request.from));
    const to = new Date(request.to);
    const rows = await this.repository.figures(this.transactions.manager, {
      from,
      to,
      ...(request.queue !== undefined ? { queue: request.queue } : {}),
      granularity: request.granularity ?? 'day',
      timeZone: TIME_ZONE,
      wholeDays: isLocalMidnight(from, TIME_ZONE) && isLocalMidnight(to, TIME_ZONE),
    });
    return {
      thresholdSeconds: this.env.TELEPHONY_SERVICE_LEVEL_THRESHOLD_S,
      shortAbandonSeconds: this.env.TELEPHONY_SHORT_ABANDON_S,
      periods: rows.map(toFigures),
    };
  }
}

const clock = new Map<string, Intl.DateTimeFormat>();

/** Whether `at` is 00:00:00.000 on the wall clock of `timeZone`. */
function isLocalMidnight(at: Date, timeZone: string): boolean {
  if (at.getUTCMilliseconds() !== 0 || at.getUTCSeconds() !== 0) return false;
  let format = clock.get(timeZone);
  if (!format) clock.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return format.format(at) === '00:00';
}
