import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { AppointmentsEnv } from './config/appointments.env';
import { migrations } from './migrations';

@Module({})
export class AppModule {
  static register(env: AppointmentsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService({ service: 'appointments', version: readVersion(), env, database: { entities: [], migrations } })],
    };
  }
}
