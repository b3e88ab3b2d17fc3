import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  KnowledgeSubjects,
  SearchFeedbackReply,
  SearchFeedbackRequest,
  SearchReply,
  SearchRequest,
  UnansweredSearchesReply,
  UnansweredSearchesRequest,
} from '@d115/contracts';
import { ListUnansweredSearchesUsecase } from './usecases/list-unanswered-searches/list-unanswered-searches.usecase';
import { RecordSearchFeedbackUsecase } from './usecases/record-search-feedback/record-search-feedback.usecase';
import { SearchServicesUsecase } from './usecases/search-services/search-services.usecase';

@Controller()
export class SearchController {
  constructor(
    private readonly searchServices: SearchServicesUsecase,
    private readonly recordFeedback: RecordSearchFeedbackUsecase,
    private readonly listUnanswered: ListUnansweredSearchesUsecase,
  ) {}

  @MessagePattern(KnowledgeSubjects.search)
  search(@Payload() request: SearchRequest): Promise<SearchReply> {
    return this.searchServices.execute(request);
  }

  @MessagePattern(KnowledgeSubjects.searchFeedback)
  feedback(@Payload() request: SearchFeedbackRequest): Promise<SearchFeedbackReply> {
    return this.recordFeedback.execute(request);
  }

  @MessagePattern(KnowledgeSubjects.searchUnanswered)
  unanswered(@Payload() request: UnansweredSearchesRequest): Promise<UnansweredSearchesReply> {
    return this.listUnanswered.execute(request);
  }
}
