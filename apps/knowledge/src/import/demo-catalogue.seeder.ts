import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { KnowledgeEnv } from '../config/knowledge.env';
import { ROSTOCK_DEMO_CATALOGUE, ROSTOCK_DEMO_FILE } from '../demo/rostock-demo';
import { D115JsonFormat } from './formats/d115-json.format';
import { ImportRepository } from './import.repository';
import { ImportCatalogueUsecase } from './usecases/import-catalogue/import-catalogue.usecase';

/**
 * `npm start` on a fresh database has a catalogue to look things up in: the
 * Rostock demo catalogue is imported once the service is up, when the
 * catalogue is empty and KNOWLEDGE_DEMO_CATALOGUE is not false. Two instances
 * seeding at once do no harm: the import is an idempotent upsert.
 */
@Injectable()
export class DemoCatalogueSeeder implements OnApplicationBootstrap {
  private readonly logger = childLogger('demo-catalogue');

  constructor(
    private readonly store: ImportRepository,
    private readonly importCatalogue: ImportCatalogueUsecase,
    @Inject(ENV) private readonly env: KnowledgeEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.KNOWLEDGE_DEMO_CATALOGUE || !(await this.store.catalogueIsEmpty())) return;
    const report = await this.importCatalogue.execute({
      file: ROSTOCK_DEMO_FILE,
      format: D115JsonFormat.forDocument(ROSTOCK_DEMO_CATALOGUE),
      source: ROSTOCK_DEMO_CATALOGUE.source,
      batchSize: this.env.KNOWLEDGE_IMPORT_BATCH_SIZE,
    });
    this.logger.info({ ...report.applied }, 'Rostock demo catalogue loaded');
  }
}
