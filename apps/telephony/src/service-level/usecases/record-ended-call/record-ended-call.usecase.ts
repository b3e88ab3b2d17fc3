import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallEndedEvent, eventAbout, TelephonyEvents } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { ENV } from '@d115/platform';
import { TelephonyEnv } from '../../../config/telephony.env';
import { contributionOf, Thresholds } from '../../domain/contribution';
import { toFigures } from '../../domain/figures';
import { ServiceHours } from '../../service-hours';
import { ServiceLevelRepository, TIME_ZONE } from '../../service-level.repository';
import { SERVICE_HOURS } from '../../service-level.tokens';

/**
 * An ended inbound call offered within service hours adds to its queue's interval, and the
 * interval's new figures go out as `service-level.updated` (live wallboards). Runs in the
 * consumer's transaction, which also records the event in the inbox: each call counts once.
 */
@Injectable()
export class RecordEndedCallUsecase {
  private readonly thresholds: Thresholds;

  constructor(
    private readonly repository: ServiceLevelRepository,
    private readonly outbox: OutboxWriter,
    @Inject(SERVICE_HOURS) private readonly hours: ServiceHours,
    @Inject(ENV) private readonly env: TelephonyEnv,
  ) {
    this.thresholds = { serviceLevelSeconds: env.TELEPHONY_SERVICE_LEVEL_THRESHOLD_S, shortAbandonSeconds: env.TELEPHONY_SHORT_ABANDON_S };
  }

  async execute(manager: EntityManager, call: CallEndedEvent): Promise<void> {
    if (call.direction !== 'inbound' || !this.hours.isOpenAt(new Date(call.offeredAt))) return;
    const contribution = contributionOf(call, this.thresholds);
    await this.repository.add(manager, contribution);
    const end = new Date(contribution.intervalStart.getTime() + 15 * 60 * 1000);
    const [row] = await this.repository.figures(manager, {
      from: contribution.intervalStart,
      to: end,
      queue: contribution.queue,
      granularity: 'interval',
      timeZone: TIME_ZONE,
    });
    await this.outbox.append(manager, {
      subject: TelephonyEvents.serviceLevelUpdated,
      data: toFigures(row),
      about: eventAbout('service-level', `${contribution.queue || '-'}/${contribution.intervalStart.toISOString()}`),
    });
  }
}
