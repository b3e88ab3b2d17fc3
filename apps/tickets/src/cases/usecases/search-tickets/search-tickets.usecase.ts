import { Injectable } from '@nestjs/common';
import { SearchTicketsReply, SearchTicketsRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { CasesRepository } from '../../cases.repository';
import { toTicketSummary } from '../../domain/ticket.mapper';

/** Summaries without citizen data (so listing is not a read of personal data). */
@Injectable()
export class SearchTicketsUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: SearchTicketsRequest): Promise<SearchTicketsReply> {
    const { total, items, nextCursor } = await this.cases.search(this.transactions.manager, query);
    return { total, items: items.map(toTicketSummary), ...(nextCursor ? { nextCursor } : {}) };
  }
}
