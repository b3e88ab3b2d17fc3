import { Injectable } from '@nestjs/common';
import { UnansweredSearchesReply, UnansweredSearchesRequest } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { SearchLogRepository } from '../../log/search-log.repository';

const DEFAULT_DAYS = 7;

/** `d115.knowledge.search.unanswered`: what callers asked that the catalogue did not answer (to extend synonyms or texts). */
@Injectable()
export class ListUnansweredSearchesUsecase {
  constructor(
    private readonly log: SearchLogRepository,
    private readonly clock: Clock,
  ) {}

  async execute(request: UnansweredSearchesRequest): Promise<UnansweredSearchesReply> {
    const to = request.to ? new Date(request.to) : this.clock.now();
    const from = request.from ? new Date(request.from) : new Date(to.getTime() - DEFAULT_DAYS * 24 * 3600 * 1000);
    const queries = await this.log.unanswered(from, to, request.limit ?? 50);
    return { from: from.toISOString(), to: to.toISOString(), queries };
  }
}
