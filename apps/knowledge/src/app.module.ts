import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { CatalogueModule } from './catalogue/catalogue.module';
import { KnowledgeEnv } from './config/knowledge.env';
import { entities } from './entities';
import { ImportModule } from './import/import.module';
import { LookupsModule } from './lookups/lookups.module';
import { migrations } from './migrations';
import { OrganisationsModule } from './organisations/organisations.module';
import { SearchModule } from './search/search.module';

@Module({})
export class AppModule {
  static register(env: KnowledgeEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'knowledge', version: readVersion(), env, database: { entities, migrations } }),
        CatalogueModule,
        OrganisationsModule,
        LookupsModule,
        ImportModule,
        SearchModule,
      ],
    };
  }
}
