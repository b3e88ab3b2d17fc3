import { Module } from '@nestjs/common';
import { SearchIndexModule } from '../search/index/search-index.module';
import { DemoCatalogueSeeder } from './demo-catalogue.seeder';
import { ImportController } from './import.controller';
import { ImportRepository } from './import.repository';
import { ImportCatalogueUsecase } from './usecases/import-catalogue/import-catalogue.usecase';
import { ImportUploadedCatalogueUsecase } from './usecases/import-uploaded-catalogue/import-uploaded-catalogue.usecase';

@Module({
  imports: [SearchIndexModule],
  controllers: [ImportController],
  providers: [ImportRepository, ImportCatalogueUsecase, ImportUploadedCatalogueUsecase, DemoCatalogueSeeder],
  exports: [ImportCatalogueUsecase],
})
export class ImportModule {}
