import 'reflect-metadata';
import { runService, ServiceDefinition } from '@d115/platform';
import { AppModule } from './app.module';
import { TelephonyEnv } from './config/telephony.env';

export const telephonyService: ServiceDefinition<TelephonyEnv> = {
  service: 'telephony',
  env: TelephonyEnv,
  module: (env) => AppModule.register(env),
};

if (require.main === module) void runService(telephonyService);
