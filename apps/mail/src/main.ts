import 'reflect-metadata';
import { runService, ServiceDefinition } from '@d115/platform';
import { AppModule } from './app.module';
import { MailEnv } from './config/mail.env';

export const mailService: ServiceDefinition<MailEnv> = {
  service: 'mail',
  env: MailEnv,
  module: (env) => AppModule.register(env),
};

if (require.main === module) void runService(mailService);
