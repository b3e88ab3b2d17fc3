import { Module } from '@nestjs/common';
import { DemoCatalogueSeeder } from './demo-catalogue.seeder';
import { ImportRepository } from './import.repository';
import { ImportCatalogueUsecase } from './usecases/import-catalogue/import-catalogue.usecase';

@Module({
  providers: [ImportRepository, ImportCatalogueUsecase, DemoCatalogueSeeder],
  exports: [ImportCatalogueUsecase],
})
export class ImportModule {}
