import { Injectable } from '@nestjs/common';
import { BacklogReply, CurrentFiguresRequest, WaitingCase } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { FiguresRepository, WaitingRow } from '../../figures.repository';

/** Open cases per queue and state; cases waiting for an agent and the one waiting longest. */
@Injectable()
export class BacklogFiguresUsecase {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(query: CurrentFiguresRequest): Promise<BacklogReply> {
    const now = this.clock.now();
    const [rows, waiting] = await Promise.all([
      this.figures.backlog(this.transactions.manager, query.queue),
      this.figures.waiting(this.transactions.manager, query.queue),
    ]);
    const view = (row: WaitingRow): WaitingCase => ({
      ticketId: row.ticketId,
      number: row.number,
      queue: row.queue,
      waitingSince: row.queuedAt.toISOString(),
      waitingMinutes: Math.max(0, Math.floor((now.getTime() - row.queuedAt.getTime()) / 60_000)),
    });
    const oldest = [...waiting].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime())[0];
    return {
      asOf: now.toISOString(),
      rows,
      waiting: waiting.map((row) => ({ queue: row.queue, count: row.count, oldest: view(row) })),
      ...(oldest ? { oldestWaiting: view(oldest) } : {}),
    };
  }
}
