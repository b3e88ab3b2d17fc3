import 'reflect-metadata';
import { runService, ServiceDefinition } from '@d115/platform';
import { AppModule } from './app.module';
import { TicketsEnv } from './config/tickets.env';

export const ticketsService: ServiceDefinition<TicketsEnv> = {
  service: 'tickets',
  env: TicketsEnv,
  module: (env) => AppModule.register(env),
};

if (require.main === module) void runService(ticketsService);
