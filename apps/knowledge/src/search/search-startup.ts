import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { childLogger } from '@d115/observability';
import { SearchIndexCache } from './index/search-index-cache';
import { SearchIndexer } from './index/search-indexer';
import { SHIPPED_SYNONYMS, SHIPPED_SYNONYMS_VERSION } from './synonyms/shipped-synonyms';
import { SynonymsRepository } from './synonyms/synonyms.repository';

/**
 * At start: the shipped synonym lines (once per version of the data file), and
 * an index refresh for services changed while no service ran (an import by an
 * older version, a restore) — a no-op when the index is current; then the index
 * is loaded into memory in the background (searches score in SQL until it is).
 */
@Injectable()
export class SearchStartup implements OnApplicationBootstrap {
  private readonly logger = childLogger('search');

  constructor(
    private readonly synonyms: SynonymsRepository,
    private readonly indexer: SearchIndexer,
    private readonly cache: SearchIndexCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.synonyms.seedShipped(SHIPPED_SYNONYMS, SHIPPED_SYNONYMS_VERSION);
    if (seeded > 0) this.logger.info({ seeded, version: SHIPPED_SYNONYMS_VERSION }, 'shipped synonyms seeded');
    await this.indexer.refresh();
    void this.cache.load();
  }
}
