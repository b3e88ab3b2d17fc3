import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { BookingModule } from '../booking/booking.module';
import { AvailabilityController } from './availability.controller';
import { GetAvailabilityUsecase } from './usecases/get-availability/get-availability.usecase';

/** `d115.appointments.availability.get`. */
@Module({
  imports: [OfficesModule, BookingModule],
  controllers: [AvailabilityController],
  providers: [GetAvailabilityUsecase],
  exports: [GetAvailabilityUsecase],
})
export class AvailabilityModule {}
