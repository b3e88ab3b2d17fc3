import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { SlotsModule } from '../slots/slots.module';
import { AvailabilityController } from './availability.controller';
import { GetAvailabilityUsecase } from './usecases/get-availability/get-availability.usecase';

/** `d115.appointments.availability.get`. */
@Module({
  imports: [OfficesModule, SlotsModule],
  controllers: [AvailabilityController],
  providers: [GetAvailabilityUsecase],
  exports: [GetAvailabilityUsecase],
})
export class AvailabilityModule {}
