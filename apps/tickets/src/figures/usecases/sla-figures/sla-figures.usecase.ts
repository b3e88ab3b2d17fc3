import { Injectable } from '@nestjs/common';
import { PeriodFiguresRequest, SLA_METRICS, SlaFiguresReply } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { FiguresRepository } from '../../figures.repository';
import { periodOf, ratio } from '../../period';

/** SLA on-time rate and breaches over a period, per metric. */
@Injectable()
export class SlaFiguresUsecase {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: PeriodFiguresRequest): Promise<SlaFiguresReply> {
    const period = periodOf(query);
    const manager = this.transactions.manager;
    const [outcomes, breaches] = await Promise.all([this.figures.slaOutcomes(manager, period), this.figures.breaches(manager, period, query.limit ?? 100)]);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      metrics: SLA_METRICS.map((metric) => {
        const row = outcomes.find((candidate) => candidate.metric === metric);
        const onTime = row?.on_time ?? 0;
        const breached = row?.breached ?? 0;
        return { metric, total: onTime + breached, onTime, breached, onTimeRate: ratio(onTime, onTime + breached) };
      }),
      breaches: breaches.map((row) => ({
        ticketId: row.ticket_id,
        number: row.number,
        metric: row.metric,
        queue: row.queue,
        breachedAt: row.breached_at.toISOString(),
      })),
    };
  }
}
