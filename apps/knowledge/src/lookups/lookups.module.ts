import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { LookupsController } from './lookups.controller';
import { FindResponsibleAuthorityUsecase } from './usecases/find-responsible-authority/find-responsible-authority.usecase';
import { GetServiceUsecase } from './usecases/get-service/get-service.usecase';

@Module({
  imports: [CatalogueModule, OrganisationsModule],
  controllers: [LookupsController],
  providers: [GetServiceUsecase, FindResponsibleAuthorityUsecase],
})
export class LookupsModule {}
