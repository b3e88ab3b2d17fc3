import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { MailEnv } from './config/mail.env';
import { migrations } from './migrations';

@Module({})
export class AppModule {
  static register(env: MailEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService({ service: 'mail', version: readVersion(), env, database: { entities: [], migrations } })],
    };
  }
}
