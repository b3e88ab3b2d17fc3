import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { AvailabilityModule } from './availability/availability.module';
import { BookingModule } from './booking/booking.module';
import { AppointmentsEnv } from './config/appointments.env';
import { FiguresModule } from './figures/figures.module';
import { migrations } from './migrations';
import { OfficesModule } from './offices/offices.module';
import { SharedModule } from './shared/shared.module';

@Module({})
export class AppModule {
  static register(env: AppointmentsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'appointments', version: readVersion(), env, database: { entities: [], migrations } }),
        SharedModule,
        OfficesModule,
        AvailabilityModule,
        BookingModule,
        FiguresModule,
      ],
    };
  }
}
