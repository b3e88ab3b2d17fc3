import 'reflect-metadata';
import { runService, ServiceDefinition } from '@d115/platform';
import { AppModule } from './app.module';
import { KnowledgeEnv } from './config/knowledge.env';

export const knowledgeService: ServiceDefinition<KnowledgeEnv> = {
  service: 'knowledge',
  env: KnowledgeEnv,
  module: (env) => AppModule.register(env),
};

if (require.main === module) void runService(knowledgeService);
