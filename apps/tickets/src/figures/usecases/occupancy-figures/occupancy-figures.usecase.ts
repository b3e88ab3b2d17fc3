import { Injectable } from '@nestjs/common';
import { CurrentFiguresRequest, OccupancyReply } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { FiguresRepository } from '../../figures.repository';
import { ratio } from '../../period';

/** Agent occupancy now: cases held (offered or being worked) against capacity, agents not offline. */
@Injectable()
export class OccupancyFiguresUsecase {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(query: CurrentFiguresRequest): Promise<OccupancyReply> {
    const rows = await this.figures.occupancy(this.transactions.manager, query.queue);
    const load = rows.reduce((sum, row) => sum + row.load, 0);
    const capacity = rows.reduce((sum, row) => sum + row.capacity, 0);
    return {
      asOf: this.clock.now().toISOString(),
      agents: rows.map((row) => ({
        agentId: row.id,
        presence: row.presence,
        load: row.load,
        capacity: row.capacity,
        occupancy: ratio(row.load, row.capacity),
      })),
      total: { load, capacity, occupancy: ratio(load, capacity) },
    };
  }
}
