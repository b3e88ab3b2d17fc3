import { Module } from '@nestjs/common';
import { CatalogueImportController } from './catalogue-import.controller';
import { KnowledgeController } from './knowledge.controller';
import { SearchController, SynonymsController } from './search.controller';
import { ServiceByIdController } from './service-by-id.controller';
import { UploadCatalogueUsecase } from './upload-catalogue.usecase';

/** The HTTP face of the knowledge service. */
@Module({
  controllers: [KnowledgeController, ServiceByIdController, SearchController, SynonymsController, CatalogueImportController],
  providers: [UploadCatalogueUsecase],
})
export class KnowledgeModule {}
