import { Module } from '@nestjs/common';
import { ExternalModule } from '../external/external.module';
import { OfficesModule } from '../offices/offices.module';
import { SlotsModule } from '../slots/slots.module';
import { AvailabilityController } from './availability.controller';
import { GetAvailabilityUsecase } from './usecases/get-availability/get-availability.usecase';

/** `d115.appointments.availability.get`. */
@Module({
  imports: [OfficesModule, SlotsModule, ExternalModule],
  controllers: [AvailabilityController],
  providers: [GetAvailabilityUsecase],
  exports: [GetAvailabilityUsecase],
})
export class AvailabilityModule {}
