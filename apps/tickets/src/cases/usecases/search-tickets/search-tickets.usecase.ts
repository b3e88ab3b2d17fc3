import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SearchTicketsReply, SearchTicketsRequest } from '@d115/contracts';
import { DATA_SOURCE } from '@d115/platform';
import { CasesRepository } from '../../cases.repository';
import { toTicketSummary } from '../../domain/ticket.mapper';

/** Summaries without citizen data (so listing is not a read of personal data). */
@Injectable()
export class SearchTicketsUsecase {
  constructor(
    private readonly cases: CasesRepository,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async execute(query: SearchTicketsRequest): Promise<SearchTicketsReply> {
    const { total, items } = await this.cases.search(this.dataSource.manager, query);
    return { total, items: items.map(toTicketSummary) };
  }
}
