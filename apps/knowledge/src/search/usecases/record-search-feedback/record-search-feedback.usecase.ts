import { Injectable } from '@nestjs/common';
import { KnowledgeErrorCode, SearchFeedbackReply, SearchFeedbackRequest } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { KnowledgeException } from '../../../shared/knowledge.exception';
import { SearchLogRepository } from '../../log/search-log.repository';

/** `d115.knowledge.search.feedback`: the hit the agent chose for a logged search, and whether it helped. */
@Injectable()
export class RecordSearchFeedbackUsecase {
  constructor(
    private readonly log: SearchLogRepository,
    private readonly clock: Clock,
  ) {}

  async execute(request: SearchFeedbackRequest): Promise<SearchFeedbackReply> {
    if (request.serviceId && !(await this.log.serviceExists(request.serviceId)))
      throw new KnowledgeException(KnowledgeErrorCode.SEARCH_UNKNOWN_SERVICE, `no service ${request.serviceId}`);
    const found = await this.log.feedback(request.searchId, request.serviceId ?? null, request.helpful ?? null, this.clock.now());
    if (!found) throw new KnowledgeException(KnowledgeErrorCode.SEARCH_NOT_FOUND, `no logged search ${request.searchId}`);
    return { searchId: request.searchId, recorded: true };
  }
}
