import { DataSource } from 'typeorm';
import { ImportReport } from '@d115/contracts';
import { OutboxWriter, outboxChannel } from '@d115/messaging';
import { Transactions } from '@d115/database';
import { SearchIndexer } from '../search/index/search-indexer';
import { D115JsonFormat } from './formats/d115-json.format';
import { detectFormat } from './formats/detect-format';
import { ImportRepository } from './import.repository';
import { ImportCatalogueUsecase } from './usecases/import-catalogue/import-catalogue.usecase';

export interface ImportFileOptions {
  /** Namespace of the records' ids; default: the file's own (`source` of a d115 file), else `xzufi` / `dldb`. */
  source?: string;
  /** Region of a DLDB export. */
  ars?: string;
  batchSize?: number;
}

/**
 * The import outside the running service (the `npm run knowledge -- import`
 * command, the benchmark): the same use case over a DataSource of the knowledge
 * schema. `catalogue.imported` goes into the knowledge outbox, and a NOTIFY wakes
 * the running service's relay, which publishes it.
 */
export class CatalogueImporter {
  private readonly usecase: ImportCatalogueUsecase;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {
    const transactions = new Transactions(dataSource);
    this.usecase = new ImportCatalogueUsecase(new ImportRepository(transactions, new OutboxWriter(schema, '/d115/knowledge')), new SearchIndexer(transactions));
  }

  async importFile(file: string, options: ImportFileOptions = {}): Promise<ImportReport | { file: string; error: string }> {
    const format = await detectFormat(file, { ars: options.ars });
    if ('unknown' in format) return { file, error: `format not recognised: ${format.unknown}` };
    const source =
      options.source ??
      (format.format === 'd115' ? await D115JsonFormat.sourceOf(file) : undefined) ??
      (format.format === 'xzufi' ? 'xzufi' : format.format === 'd115' ? 'd115' : 'dldb');
    const report = await this.usecase.execute({ file, format, source, batchSize: options.batchSize });
    await this.dataSource.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
    return report;
  }
}
