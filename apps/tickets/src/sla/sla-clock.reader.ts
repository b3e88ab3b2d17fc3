import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SlaClockView } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { SlaClockMath } from './domain/sla-clock';
import { SlaRepository } from './sla.repository';
import { SLA_CLOCK_MATH } from './sla.tokens';

/** The SLA part of a case's detail view, as of now. */
@Injectable()
export class SlaClockReader {
  constructor(
    private readonly sla: SlaRepository,
    private readonly clock: Clock,
    @Inject(SLA_CLOCK_MATH) private readonly math: SlaClockMath,
  ) {}

  async viewsFor(manager: EntityManager, ticketId: string): Promise<SlaClockView[]> {
    const now = this.clock.now();
    return (await this.sla.clocksFor(manager, ticketId)).map((clock) => {
      const view: SlaClockView = {
        metric: clock.metric,
        status: clock.status,
        targetMinutes: clock.targetMinutes,
        elapsedMinutes: Math.round(this.math.elapsed(clock, now) * 100) / 100,
      };
      if (clock.dueAt) view.dueAt = clock.dueAt.toISOString();
      if (clock.warnedAt) view.warnedAt = clock.warnedAt.toISOString();
      if (clock.breachedAt) view.breachedAt = clock.breachedAt.toISOString();
      if (clock.metAt) view.metAt = clock.metAt.toISOString();
      return view;
    });
  }
}
