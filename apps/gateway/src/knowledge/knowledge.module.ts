import { Module } from '@nestjs/common';
import { KnowledgeController } from './knowledge.controller';
import { SearchController, SynonymsController } from './search.controller';
import { ServiceByIdController } from './service-by-id.controller';

/** The HTTP face of the knowledge service. */
@Module({ controllers: [KnowledgeController, ServiceByIdController, SearchController, SynonymsController] })
export class KnowledgeModule {}
