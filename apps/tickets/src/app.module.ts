import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { TicketsEnv } from './config/tickets.env';
import { migrations } from './migrations';

@Module({})
export class AppModule {
  static register(env: TicketsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService({ service: 'tickets', version: readVersion(), env, database: { entities: [], migrations } })],
    };
  }
}
