import { Injectable } from '@nestjs/common';
import { HandlingTimesReply, PeriodFiguresRequest, SlaMetric } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { FiguresRepository } from '../../figures.repository';
import { periodOf } from '../../period';

/** Average first-response and resolution times in business hours (pauses excluded) over a period. */
@Injectable()
export class HandlingTimeFiguresUsecase {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: PeriodFiguresRequest): Promise<HandlingTimesReply> {
    const period = periodOf(query);
    const rows = await this.figures.handlingTimes(this.transactions.manager, period);
    const of = (metric: SlaMetric) => {
      const row = rows.find((candidate) => candidate.metric === metric);
      const minutes = row?.average_minutes === null || row?.average_minutes === undefined ? null : Number(row.average_minutes);
      return { count: row?.count ?? 0, averageBusinessHours: minutes === null ? null : Math.round((minutes / 60) * 100) / 100 };
    };
    return { from: period.from.toISOString(), to: period.to.toISOString(), firstResponse: of('first_response'), resolution: of('resolution') };
  }
}
