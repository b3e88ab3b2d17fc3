import { Module } from '@nestjs/common';
import { DemoOfficesSeeder } from '../demo/demo-offices.seeder';
import { OfficeCalendars } from './office-calendars';
import { OfficeSnapshots } from './office-snapshots';
import { OfficesController } from './offices.controller';
import { OfficesRepository } from './offices.repository';
import { GetOfficeUsecase } from './usecases/get-office/get-office.usecase';
import { ImportOfficesUsecase } from './usecases/import-offices/import-offices.usecase';
import { ListOfficesUsecase } from './usecases/list-offices/list-offices.usecase';
import { UpsertOfficeUsecase } from './usecases/upsert-office/upsert-office.usecase';

/** Offices (Standorte): configuration by request, DLDB import, the Rostock demo offices. */
@Module({
  controllers: [OfficesController],
  providers: [
    OfficesRepository,
    OfficeCalendars,
    OfficeSnapshots,
    UpsertOfficeUsecase,
    GetOfficeUsecase,
    ListOfficesUsecase,
    ImportOfficesUsecase,
    DemoOfficesSeeder,
  ],
  exports: [OfficesRepository, OfficeCalendars, OfficeSnapshots],
})
export class OfficesModule {}
