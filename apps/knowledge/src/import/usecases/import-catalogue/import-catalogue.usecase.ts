import { Injectable } from '@nestjs/common';
import { CatalogueImportedEvent, ImportCounts, ImportReport, RejectedRecord } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { CatalogueFormat, CatalogueRecord } from '../../catalogue-record';
import { SearchIndexer } from '../../../search/index/search-indexer';
import { BatchOutcome, ImportBatch, ImportRepository } from '../../import.repository';
import { checkOnlineService, checkOrganisationUnit, checkResponsibility, checkService, OnlineLinkRow, ResponsibilityRow } from '../../record-validation';

export interface ImportCommand {
  /** Shown in the report and the event; the parser reads it unless `path` is given. */
  file: string;
  /** Where the file is when that is not `file` (an uploaded file in a temporary directory). */
  path?: string;
  format: CatalogueFormat;
  /** Namespace of the records' own ids (`d115-demo-rostock`, `dldb-berlin`). */
  source: string;
  /** Records per transaction. */
  batchSize?: number;
}

const LISTED_REJECTIONS = 1000;
const LISTED_LEIKA_KEYS = 1000;

/**
 * Streams a catalogue file into the database: records are validated one by one
 * (a bad one is reported with its reason and skipped), written in batches of
 * `batchSize` per transaction, and the run ends with `catalogue.imported`.
 * Responsibilities whose service or unit comes later in the file are retried
 * once the whole file is read. Memory stays flat: only one batch and the
 * still-unresolved responsibilities are held.
 */
@Injectable()
export class ImportCatalogueUsecase {
  private readonly logger = childLogger('import');

  constructor(
    private readonly store: ImportRepository,
    private readonly searchIndex: SearchIndexer,
  ) {}

  async execute(cmd: ImportCommand): Promise<ImportReport> {
    const run = await this.store.startRun(cmd.file, cmd.format.format, cmd.source);
    try {
      return await this.importRun(cmd, run);
    } catch (error) {
      // Bad content never gets here (it is reported record by record); this is infrastructure.
      await this.store.failRun(run.id).catch(() => undefined);
      throw error;
    }
  }

  private async importRun(cmd: ImportCommand, run: { id: string; startedAt: Date }): Promise<ImportReport> {
    const batchSize = cmd.batchSize ?? 500;
    const applied: ImportCounts = { services: 0, organisationUnits: 0, responsibilities: 0, rejected: 0 };
    const rejected: RejectedRecord[] = [];
    const leikaKeys = new Set<string>();
    const pending: ResponsibilityRow[] = [];
    const pendingLinks: OnlineLinkRow[] = [];
    let partial = false;
    let batch = emptyBatch();
    let records = 0;

    const reject = (entry: RejectedRecord) => {
      applied.rejected++;
      if (rejected.length < LISTED_REJECTIONS) rejected.push(entry);
      batch.rejected.push(entry);
    };
    const count = (outcome: BatchOutcome) => {
      applied.services += outcome.services;
      applied.organisationUnits += outcome.units;
      applied.responsibilities += outcome.responsibilities;
      for (const key of outcome.leikaKeys) if (leikaKeys.size <= LISTED_LEIKA_KEYS) leikaKeys.add(key);
    };
    // One batch is written while the next is parsed; never two at once, so a batch
    // only starts once everything before it is committed.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      await writing;
      const current = batch;
      batch = emptyBatch();
      writing = this.applyOrSplit(run.id, cmd.source, current, reject).then((outcome) => {
        count(outcome);
        pending.push(...outcome.unresolved.map((u) => u.row));
        pendingLinks.push(...outcome.unresolvedLinks);
      });
    };

    for await (const record of cmd.format.records(cmd.path ?? cmd.file)) {
      this.take(record, cmd.source, batch, reject, () => (partial = true));
      if (++records % batchSize === 0) await flush();
    }
    await flush();
    await writing;
    // rejections found while the last batch was written (records the database refused)
    await this.store.rejectOnly(run.id, batch.rejected);
    batch = emptyBatch();

    // Forward references: a responsibility or onlinedienst read before its service or unit gets
    // one more pass now that the whole file is in; what still does not resolve is rejected.
    for (let i = 0; i < Math.max(pending.length, pendingLinks.length); i += batchSize) {
      const retry: ImportBatch = { ...emptyBatch(), responsibilities: pending.slice(i, i + batchSize), links: pendingLinks.slice(i, i + batchSize) };
      const outcome = await this.applyOrSplit(run.id, cmd.source, retry, reject);
      count(outcome);
      for (const { row, missing } of outcome.unresolved) {
        const ref = missing === 'service' ? (row.serviceLeikaKey ?? row.serviceSourceId) : row.unitKey.slice(cmd.source.length + 1);
        reject({ kind: 'responsibility', sourceId: row.label, position: row.position, reason: `references an unknown ${missing} "${ref}"` });
      }
      for (const link of outcome.unresolvedLinks) {
        reject({ kind: 'onlineService', sourceId: link.label, position: link.position, reason: `references an unknown service "${link.serviceSourceId}"` });
      }
      await this.store.rejectOnly(run.id, batch.rejected);
      batch = emptyBatch();
    }

    const finishedAt = new Date();
    const event: CatalogueImportedEvent = {
      runId: run.id,
      format: cmd.format.format,
      source: cmd.source,
      file: cmd.file,
      status: partial ? 'partial' : 'completed',
      applied,
      startedAt: run.startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      ...(leikaKeys.size <= LISTED_LEIKA_KEYS ? { leikaKeys: [...leikaKeys] } : {}),
    };
    await this.store.finishRun(event, applied.rejected);
    this.logger.info({ runId: run.id, file: cmd.file, ...applied, status: event.status }, 'catalogue imported');
    await this.refreshSearchIndex(run.id);
    return {
      runId: run.id,
      file: cmd.file,
      format: cmd.format.format,
      source: cmd.source,
      status: event.status,
      applied,
      rejected,
      rejectedNotListed: applied.rejected - rejected.length,
      startedAt: event.startedAt,
      finishedAt: event.finishedAt,
    };
  }

  /**
   * Right after the run: the search's vocabulary, postings and rarity weights follow the catalogue.
   * A failure here does not undo the import (it is committed); the next import or start catches up.
   */
  private async refreshSearchIndex(runId: string): Promise<void> {
    try {
      await this.searchIndex.refresh({ imported: true });
    } catch (error) {
      this.logger.error({ err: error, runId }, 'search index not refreshed after the import; the next import or service start refreshes it');
    }
  }

  private take(record: CatalogueRecord, source: string, batch: ImportBatch, reject: (entry: RejectedRecord) => void, markPartial: () => void): void {
    switch (record.kind) {
      case 'rejected':
        if (record.record === 'file') markPartial();
        reject({ kind: record.record, sourceId: record.sourceId, position: record.position, reason: record.reason });
        return;
      case 'service': {
        const checked = checkService(record, source);
        if (checked.ok) batch.services.push(checked.value);
        else reject({ kind: 'service', sourceId: record.sourceId, position: record.position, reason: checked.reason });
        return;
      }
      case 'organisationUnit': {
        const checked = checkOrganisationUnit(record, source);
        if (checked.ok) batch.units.push(checked.value);
        else reject({ kind: 'organisationUnit', sourceId: record.sourceId, position: record.position, reason: checked.reason });
        return;
      }
      case 'onlineService': {
        const checked = checkOnlineService(record);
        if (checked.ok) batch.links.push(...checked.value);
        else reject({ kind: 'onlineService', sourceId: record.sourceId, position: record.position, reason: checked.reason });
        return;
      }
      case 'responsibility': {
        const checked = checkResponsibility(record, source);
        if (checked.ok) batch.responsibilities.push(checked.value);
        else
          reject({
            kind: 'responsibility',
            sourceId: `${record.service.leikaKey ?? record.service.sourceId} × ${record.organisationUnitSourceId}`,
            position: record.position,
            reason: checked.reason,
          });
        return;
      }
    }
  }

  /**
   * One transaction for the batch; when the database refuses it (a value no
   * check foresaw), each record again on its own, so only the bad one is rejected.
   */
  private async applyOrSplit(runId: string, source: string, batch: ImportBatch, reject: (entry: RejectedRecord) => void): Promise<BatchOutcome> {
    try {
      return await this.store.applyBatch(runId, source, batch);
    } catch (error) {
      this.logger.warn({ err: error }, 'batch refused; applying its records one by one');
      const total: BatchOutcome = { services: 0, units: 0, responsibilities: 0, unresolved: [], unresolvedLinks: [], leikaKeys: [] };
      await this.store.rejectOnly(runId, batch.rejected);
      const singles: ImportBatch[] = [
        ...batch.services.map((s) => ({ ...emptyBatch(), services: [s] })),
        ...batch.units.map((u) => ({ ...emptyBatch(), units: [u] })),
        ...batch.responsibilities.map((r) => ({ ...emptyBatch(), responsibilities: [r] })),
        ...batch.links.map((l) => ({ ...emptyBatch(), links: [l] })),
      ];
      for (const single of singles) {
        try {
          const outcome = await this.store.applyBatch(runId, source, single);
          total.services += outcome.services;
          total.units += outcome.units;
          total.responsibilities += outcome.responsibilities;
          total.unresolved.push(...outcome.unresolved);
          total.unresolvedLinks.push(...outcome.unresolvedLinks);
          total.leikaKeys.push(...outcome.leikaKeys);
        } catch (single_error) {
          const [kind, sourceId] = single.services[0]
            ? ['service', single.services[0].sourceId]
            : single.units[0]
              ? ['organisationUnit', single.units[0].sourceId]
              : single.responsibilities[0]
                ? ['responsibility', single.responsibilities[0].label]
                : ['onlineService', single.links[0].label];
          reject({ kind, sourceId, reason: `refused by the database: ${(single_error as Error).message}` });
        }
      }
      return total;
    }
  }
}

function emptyBatch(): ImportBatch {
  return { services: [], units: [], responsibilities: [], links: [], rejected: [] };
}
