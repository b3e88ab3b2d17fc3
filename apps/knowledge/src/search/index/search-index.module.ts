import { Module } from '@nestjs/common';
import { SearchIndexCache } from './search-index-cache';
import { SearchIndexer } from './search-indexer';
import { TrigramSupport } from './trigram-support';

/** The derived search structures; the import refreshes them after every run. */
@Module({
  providers: [SearchIndexer, SearchIndexCache, TrigramSupport],
  exports: [SearchIndexer, SearchIndexCache, TrigramSupport],
})
export class SearchIndexModule {}
