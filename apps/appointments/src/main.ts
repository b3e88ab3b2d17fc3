import 'reflect-metadata';
import { runService, ServiceDefinition } from '@d115/platform';
import { AppModule } from './app.module';
import { AppointmentsEnv } from './config/appointments.env';

export const appointmentsService: ServiceDefinition<AppointmentsEnv> = {
  service: 'appointments',
  env: AppointmentsEnv,
  module: (env) => AppModule.register(env),
};

if (require.main === module) void runService(appointmentsService);
