import { Module } from '@nestjs/common';
import { SearchIndexer } from './search-indexer';
import { TrigramSupport } from './trigram-support';

/** The derived search structures; the import refreshes them after every run. */
@Module({
  providers: [SearchIndexer, TrigramSupport],
  exports: [SearchIndexer, TrigramSupport],
})
export class SearchIndexModule {}
