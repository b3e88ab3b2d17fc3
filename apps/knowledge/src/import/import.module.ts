import { Module } from '@nestjs/common';
import { SearchIndexModule } from '../search/index/search-index.module';
import { DemoCatalogueSeeder } from './demo-catalogue.seeder';
import { ImportRepository } from './import.repository';
import { ImportCatalogueUsecase } from './usecases/import-catalogue/import-catalogue.usecase';

@Module({
  imports: [SearchIndexModule],
  providers: [ImportRepository, ImportCatalogueUsecase, DemoCatalogueSeeder],
  exports: [ImportCatalogueUsecase],
})
export class ImportModule {}
