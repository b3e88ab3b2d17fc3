import { DataSource } from 'typeorm';
import { SearchReply, SearchRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { SearchIndexCache } from './index/search-index-cache';
import { SearchIndexer } from './index/search-indexer';
import { TrigramSupport } from './index/trigram-support';
import { SearchLogRepository } from './log/search-log.repository';
import { QueryAnalyzer } from './query/query-analyzer';
import { SearchRepository } from './query/search.repository';
import { SHIPPED_SYNONYMS, SHIPPED_SYNONYMS_VERSION } from './synonyms/shipped-synonyms';
import { SynonymsRepository } from './synonyms/synonyms.repository';
import { SearchServicesUsecase } from './usecases/search-services/search-services.usecase';

/**
 * The search outside the running service (the benchmark): the same use case and
 * start-up steps over a DataSource of the knowledge schema, like CatalogueImporter
 * for the import.
 */
export class StandaloneSearch {
  private readonly transactions: Transactions;
  private readonly trigram: TrigramSupport;
  private readonly usecase: SearchServicesUsecase;
  readonly indexer: SearchIndexer;
  /** The in-memory index; `load()` it after an import to search it at once (else the first search starts the load). */
  readonly cache: SearchIndexCache;

  constructor(dataSource: DataSource) {
    this.transactions = new Transactions(dataSource);
    this.trigram = new TrigramSupport(this.transactions);
    this.indexer = new SearchIndexer(this.transactions);
    this.cache = new SearchIndexCache(this.transactions);
    const repository = new SearchRepository(this.transactions, this.trigram, this.cache);
    this.usecase = new SearchServicesUsecase(new QueryAnalyzer(repository), repository, new SearchLogRepository(this.transactions), new Clock());
  }

  /** What the service does at start: trigram support, the shipped synonyms, an index refresh. */
  async prepare(): Promise<void> {
    await this.trigram.onModuleInit();
    await new SynonymsRepository(this.transactions).seedShipped(SHIPPED_SYNONYMS, SHIPPED_SYNONYMS_VERSION);
    await this.indexer.refresh();
  }

  search(request: SearchRequest): Promise<SearchReply> {
    return this.usecase.execute(request);
  }
}
