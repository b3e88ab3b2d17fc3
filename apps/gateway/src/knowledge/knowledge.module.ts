import { Module } from '@nestjs/common';
import { KnowledgeController } from './knowledge.controller';
import { SearchController, SynonymsController } from './search.controller';

/** The HTTP face of the knowledge service. */
@Module({ controllers: [KnowledgeController, SearchController, SynonymsController] })
export class KnowledgeModule {}
