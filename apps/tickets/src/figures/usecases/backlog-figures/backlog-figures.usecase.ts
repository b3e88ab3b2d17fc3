import { Injectable } from '@nestjs/common';
import { BacklogReply, CurrentFiguresRequest, WaitingCase } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { FiguresRepository, WaitingRow } from '../../figures.repository';

/** How many warned cases the reply names (the count covers all). */
const SLA_WARNINGS_LISTED = 20;

/** Open cases per queue and state; cases waiting for an agent and the one waiting longest; cases in their SLA warning. */
@Injectable()
export class BacklogFiguresUsecase {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(query: CurrentFiguresRequest): Promise<BacklogReply> {
    const now = this.clock.now();
    const [rows, waiting, slaWarnings] = await Promise.all([
      this.figures.backlog(this.transactions.manager, query.queue),
      this.figures.waiting(this.transactions.manager, query.queue),
      this.figures.slaWarnings(this.transactions.manager, SLA_WARNINGS_LISTED, query.queue),
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
      slaWarnings,
    };
  }
}
