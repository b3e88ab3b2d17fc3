import { Module } from '@nestjs/common';
import { Clock, ENV, Scheduler, SCHEDULER_OPTIONS, SchedulerOptions } from '@d115/platform';
import { KnowledgeEnv } from '../config/knowledge.env';
import { SearchIndexModule } from './index/search-index.module';
import { SearchLogRepository } from './log/search-log.repository';
import { QueryAnalyzer } from './query/query-analyzer';
import { SearchRepository } from './query/search.repository';
import { SearchStartup } from './search-startup';
import { SearchController } from './search.controller';
import { SynonymsController } from './synonyms.controller';
import { SynonymsRepository } from './synonyms/synonyms.repository';
import { DeleteSynonymUsecase } from './usecases/delete-synonym/delete-synonym.usecase';
import { ListSynonymsUsecase } from './usecases/list-synonyms/list-synonyms.usecase';
import { ListUnansweredSearchesUsecase } from './usecases/list-unanswered-searches/list-unanswered-searches.usecase';
import { PurgeSearchLogUsecase } from './usecases/purge-search-log/purge-search-log.usecase';
import { RecordSearchFeedbackUsecase } from './usecases/record-search-feedback/record-search-feedback.usecase';
import { SearchServicesUsecase } from './usecases/search-services/search-services.usecase';
import { UpsertSynonymUsecase } from './usecases/upsert-synonym/upsert-synonym.usecase';

@Module({
  imports: [SearchIndexModule],
  controllers: [SearchController, SynonymsController],
  providers: [
    Clock,
    {
      provide: SCHEDULER_OPTIONS,
      inject: [ENV],
      useFactory: (env: KnowledgeEnv): SchedulerOptions => ({ enabled: true, tickMs: env.KNOWLEDGE_SEARCH_LOG_PURGE_INTERVAL_MS, batch: 1000 }),
    },
    Scheduler,
    SearchRepository,
    QueryAnalyzer,
    SearchLogRepository,
    SynonymsRepository,
    SearchStartup,
    SearchServicesUsecase,
    RecordSearchFeedbackUsecase,
    ListUnansweredSearchesUsecase,
    PurgeSearchLogUsecase,
    ListSynonymsUsecase,
    UpsertSynonymUsecase,
    DeleteSynonymUsecase,
  ],
})
export class SearchModule {}
