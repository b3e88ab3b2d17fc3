import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { KnowledgeEnv } from './config/knowledge.env';
import { migrations } from './migrations';

@Module({})
export class AppModule {
  static register(env: KnowledgeEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService({ service: 'knowledge', version: readVersion(), env, database: { entities: [], migrations } })],
    };
  }
}
