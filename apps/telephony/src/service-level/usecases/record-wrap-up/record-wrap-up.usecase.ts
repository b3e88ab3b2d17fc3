import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallWrappedUpEvent } from '@d115/contracts';
import { CallsRepository } from '../../../calls/calls.repository';
import { intervalStartOf, NO_QUEUE } from '../../domain/contribution';
import { ServiceHours } from '../../service-hours';
import { ServiceLevelRepository } from '../../service-level.repository';
import { SERVICE_HOURS } from '../../service-level.tokens';

/** Outcomes that answered the citizen's matter at first contact. */
const RESOLVED = new Set(['resolved', 'appointment']);

/** A wrap-up counts towards first-contact resolution in the interval its call was offered in. */
@Injectable()
export class RecordWrapUpUsecase {
  constructor(
    private readonly repository: ServiceLevelRepository,
    private readonly calls: CallsRepository,
    @Inject(SERVICE_HOURS) private readonly hours: ServiceHours,
  ) {}

  async execute(manager: EntityManager, wrapUp: CallWrappedUpEvent): Promise<void> {
    const call = await this.calls.findById(manager, wrapUp.callId);
    if (!call || call.direction !== 'inbound' || !this.hours.isOpenAt(call.offeredAt)) return;
    await this.repository.addWrapUp(manager, call.queue ?? NO_QUEUE, intervalStartOf(call.offeredAt), RESOLVED.has(wrapUp.outcome));
  }
}
