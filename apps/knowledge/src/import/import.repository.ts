import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueImportedEvent, eventAbout, ImportCounts, ImportFormat, KnowledgeEvents, RejectedRecord } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Transactions } from '@d115/database';
import { OnlineLinkRow, OrganisationUnitRow, ResponsibilityRow, ServiceRow } from './record-validation';

export interface ImportBatch {
  services: ServiceRow[];
  units: OrganisationUnitRow[];
  responsibilities: ResponsibilityRow[];
  links: OnlineLinkRow[];
  rejected: RejectedRecord[];
}

export interface BatchOutcome {
  services: number;
  units: number;
  responsibilities: number;
  /** Responsibilities whose service or unit is not (yet) in the catalogue. */
  unresolved: { row: ResponsibilityRow; missing: 'service' | 'organisation unit' }[];
  /** Onlinedienst links whose service is not (yet) in the catalogue. */
  unresolvedLinks: OnlineLinkRow[];
  leikaKeys: string[];
}

/** Last one wins within a batch (one multi-row upsert may not touch a row twice). */
function lastByKey<T>(rows: T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}

/**
 * Writes import batches: every batch (upserts and the rejections found in it) is
 * one transaction, so a record is applied whole or not at all. All SQL of the
 * import lives here.
 */
@Injectable()
export class ImportRepository {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxWriter,
  ) {}

  async startRun(file: string, format: ImportFormat, source: string): Promise<{ id: string; startedAt: Date }> {
    const run = { id: uuidv7(), startedAt: new Date() };
    await this.transactions.manager.query(`INSERT INTO import_run (id, file, format, source, status, started_at) VALUES ($1, $2, $3, $4, 'running', $5)`, [
      run.id,
      file,
      format,
      source,
      run.startedAt,
    ]);
    return run;
  }

  applyBatch(runId: string, source: string, batch: ImportBatch): Promise<BatchOutcome> {
    return this.transactions.run(async (manager) => {
      const leikaKeys = await this.upsertServices(manager, batch.services);
      await this.upsertUnits(manager, batch.units);
      const { applied, unresolved } = await this.upsertResponsibilities(manager, source, batch.responsibilities);
      const unresolvedLinks = await this.attachLinks(manager, source, batch.links);
      await this.reject(manager, runId, batch.rejected);
      return { services: batch.services.length, units: batch.units.length, responsibilities: applied, unresolved, unresolvedLinks, leikaKeys };
    });
  }

  /** Rejections alone (a batch that failed as a whole is retried record by record). */
  async rejectOnly(runId: string, rejected: RejectedRecord[]): Promise<void> {
    if (rejected.length === 0) return;
    return this.transactions.run((manager) => this.reject(manager, runId, rejected));
  }

  /** Closes the run and raises `catalogue.imported` in the same transaction. */
  finishRun(event: CatalogueImportedEvent, rejectedCount: number): Promise<void> {
    return this.transactions.run(async (manager) => {
      await manager.query(`UPDATE import_run SET status = $2, applied = $3, rejected_count = $4, finished_at = $5 WHERE id = $1`, [
        event.runId,
        event.status,
        JSON.stringify(event.applied satisfies ImportCounts),
        rejectedCount,
        event.finishedAt,
      ]);
      await this.outbox.append<CatalogueImportedEvent>(manager, {
        subject: KnowledgeEvents.catalogueImported,
        about: eventAbout('import', event.runId),
        data: event,
      });
    });
  }

  /** The run could not finish (the database went away, the file vanished): marked, never left `running`. */
  async failRun(runId: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE import_run SET status = 'failed', finished_at = now() WHERE id = $1 AND status = 'running'`, [runId]);
  }

  async catalogueIsEmpty(): Promise<boolean> {
    const [row] = await this.transactions.manager.query(`SELECT NOT EXISTS (SELECT 1 FROM service) AS empty`);
    return row.empty === true;
  }

  private async upsertServices(manager: EntityManager, rows: ServiceRow[]): Promise<string[]> {
    const unique = lastByKey(rows, (row) => row.catalogueKey);
    if (unique.length === 0) return [];
    const payload = unique.map((row) => ({
      id: uuidv7(),
      catalogue_key: row.catalogueKey,
      leika_key: row.leikaKey,
      source: row.source,
      source_id: row.sourceId,
      name: row.name,
      synonyms: row.synonyms,
      keywords: row.keywords,
      modules: row.modules,
      online_services: row.onlineServices,
      appointment_bookable: row.appointmentBookable,
      valid_from: row.validFrom,
      valid_until: row.validUntil,
      plain_text: row.plainText,
    }));
    // A service that gains or loses its LeiKa key keeps its row (and its responsibilities): re-key it first.
    await manager.query(
      `UPDATE service s SET catalogue_key = r.catalogue_key, leika_key = r.leika_key
       FROM jsonb_to_recordset($1::jsonb) AS r(catalogue_key text, leika_key text, source text, source_id text)
       WHERE s.source = r.source AND s.source_id = r.source_id AND s.catalogue_key <> r.catalogue_key
         AND NOT EXISTS (SELECT 1 FROM service o WHERE o.catalogue_key = r.catalogue_key)`,
      [JSON.stringify(payload.map(({ catalogue_key, leika_key, source, source_id }) => ({ catalogue_key, leika_key, source, source_id })))],
    );
    await manager.query(
      `INSERT INTO service (id, catalogue_key, leika_key, source, source_id, name, synonyms, keywords, modules, online_services,
                            appointment_bookable, valid_from, valid_until, plain_text)
       SELECT r.id, r.catalogue_key, r.leika_key, r.source, r.source_id, r.name,
              ARRAY(SELECT jsonb_array_elements_text(r.synonyms)), ARRAY(SELECT jsonb_array_elements_text(r.keywords)),
              r.modules, r.online_services, r.appointment_bookable, r.valid_from, r.valid_until, r.plain_text
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, catalogue_key text, leika_key text, source text, source_id text, name text,
            synonyms jsonb, keywords jsonb, modules jsonb, online_services jsonb, appointment_bookable boolean,
            valid_from date, valid_until date, plain_text text)
       ON CONFLICT (catalogue_key) DO UPDATE SET
         source = EXCLUDED.source, source_id = EXCLUDED.source_id, name = EXCLUDED.name, synonyms = EXCLUDED.synonyms,
         keywords = EXCLUDED.keywords, modules = EXCLUDED.modules,
         -- links an onlinedienst attached survive the re-import of their leistung
         online_services = EXCLUDED.online_services || COALESCE(
           (SELECT jsonb_agg(link) FROM jsonb_array_elements(service.online_services) link
            WHERE link ? 'onlinedienst' AND NOT EXCLUDED.online_services @> jsonb_build_array(jsonb_build_object('url', link->'url'))), '[]'::jsonb),
         appointment_bookable = EXCLUDED.appointment_bookable, valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
         plain_text = EXCLUDED.plain_text, updated_at = now()`,
      [JSON.stringify(payload)],
    );
    return unique.flatMap((row) => (row.leikaKey ? [row.leikaKey] : []));
  }

  private async upsertUnits(manager: EntityManager, rows: OrganisationUnitRow[]): Promise<void> {
    const unique = lastByKey(rows, (row) => row.catalogueKey);
    if (unique.length === 0) return;
    const payload = unique.map((row) => ({
      id: uuidv7(),
      catalogue_key: row.catalogueKey,
      source: row.source,
      source_id: row.sourceId,
      name: row.name,
      email: row.email,
      phone: row.phone,
      address: row.address,
      address_text: row.addressText,
      opening_hours: row.openingHours,
      opening_hours_note: row.openingHoursNote,
    }));
    await manager.query(
      `INSERT INTO organisation_unit (id, catalogue_key, source, source_id, name, email, phone, address, address_text, opening_hours, opening_hours_note)
       SELECT r.id, r.catalogue_key, r.source, r.source_id, r.name, r.email, r.phone, r.address, r.address_text, r.opening_hours, r.opening_hours_note
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, catalogue_key text, source text, source_id text, name text, email text, phone text,
            address jsonb, address_text text, opening_hours jsonb, opening_hours_note text)
       ON CONFLICT (catalogue_key) DO UPDATE SET
         name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone, address = EXCLUDED.address, address_text = EXCLUDED.address_text,
         opening_hours = EXCLUDED.opening_hours, opening_hours_note = EXCLUDED.opening_hours_note, updated_at = now()`,
      [JSON.stringify(payload)],
    );
  }

  private async upsertResponsibilities(
    manager: EntityManager,
    source: string,
    rows: ResponsibilityRow[],
  ): Promise<{ applied: number; unresolved: BatchOutcome['unresolved'] }> {
    if (rows.length === 0) return { applied: 0, unresolved: [] };
    const refs = rows.map((row, i) => ({ i, leika: row.serviceLeikaKey, source_id: row.serviceSourceId, unit_key: row.unitKey }));
    const resolved: { i: number; service_id: string | null; unit_id: string | null }[] = await manager.query(
      `SELECT r.i,
              COALESCE((SELECT s.id FROM service s WHERE s.leika_key = r.leika),
                       (SELECT s.id FROM service s WHERE r.source_id IS NOT NULL AND s.source = $2 AND s.source_id = r.source_id ORDER BY s.created_at LIMIT 1),
                       (SELECT s.id FROM service s WHERE s.leika_key = r.source_id)) AS service_id,
              (SELECT u.id FROM organisation_unit u WHERE u.catalogue_key = r.unit_key) AS unit_id
       FROM jsonb_to_recordset($1::jsonb) AS r(i int, leika text, source_id text, unit_key text)`,
      [JSON.stringify(refs), source],
    );
    const unresolved: BatchOutcome['unresolved'] = [];
    const ready: Record<string, unknown>[] = [];
    for (const { i, service_id, unit_id } of resolved) {
      const row = rows[i];
      if (!service_id) unresolved.push({ row, missing: 'service' });
      else if (!unit_id) unresolved.push({ row, missing: 'organisation unit' });
      else
        ready.push({
          id: uuidv7(),
          service_id,
          organisation_unit_id: unit_id,
          region_ars: row.regionArs,
          region_prefix: row.regionPrefix,
          source,
          appointment_bookable: row.appointmentBookable,
          appointment_url: row.appointmentUrl,
        });
    }
    const unique = lastByKey(ready, (row) => `${row.service_id}|${row.organisation_unit_id}|${row.region_ars}`);
    if (unique.length > 0) {
      await manager.query(
        `INSERT INTO responsibility (id, service_id, organisation_unit_id, region_ars, region_prefix, source, appointment_bookable, appointment_url)
         SELECT r.id, r.service_id, r.organisation_unit_id, r.region_ars, r.region_prefix, r.source, r.appointment_bookable, r.appointment_url
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, service_id uuid, organisation_unit_id uuid, region_ars text, region_prefix text,
              source text, appointment_bookable boolean, appointment_url text)
         ON CONFLICT (service_id, organisation_unit_id, region_ars) DO UPDATE SET
           appointment_bookable = EXCLUDED.appointment_bookable, appointment_url = EXCLUDED.appointment_url, source = EXCLUDED.source, updated_at = now()`,
        [JSON.stringify(unique)],
      );
    }
    return { applied: ready.length, unresolved };
  }

  /** Adds each link to its service's online services, once per URL. Returns the links whose service is unknown. */
  private async attachLinks(manager: EntityManager, source: string, links: OnlineLinkRow[]): Promise<OnlineLinkRow[]> {
    if (links.length === 0) return [];
    const rows: { i: number }[] = await manager.query(
      `WITH l AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS l(i int, source_id text, title text, url text, onlinedienst text)),
            target AS (
              SELECT l.i, l.title, l.url, l.onlinedienst,
                     COALESCE((SELECT s.id FROM service s WHERE s.source = $2 AND s.source_id = l.source_id ORDER BY s.created_at LIMIT 1),
                              (SELECT s.id FROM service s WHERE s.leika_key = l.source_id)) AS service_id
              FROM l),
            per_service AS (
              SELECT service_id, jsonb_agg(DISTINCT jsonb_build_object('title', title, 'url', url, 'onlinedienst', onlinedienst)) AS links
              FROM target WHERE service_id IS NOT NULL GROUP BY service_id),
            updated AS (
              UPDATE service s SET updated_at = now(), online_services = s.online_services || COALESCE(
                (SELECT jsonb_agg(link) FROM jsonb_array_elements(p.links) link
                 WHERE NOT s.online_services @> jsonb_build_array(jsonb_build_object('url', link->'url'))), '[]'::jsonb)
              FROM per_service p WHERE s.id = p.service_id
              RETURNING s.id)
       SELECT i FROM target WHERE service_id IS NULL`,
      [
        JSON.stringify(links.map((link, i) => ({ i, source_id: link.serviceSourceId, title: link.title, url: link.url, onlinedienst: link.onlineServiceId }))),
        source,
      ],
    );
    return rows.map((row) => links[row.i]);
  }

  private async reject(manager: EntityManager, runId: string, rejected: RejectedRecord[]): Promise<void> {
    if (rejected.length === 0) return;
    await manager.query(
      `INSERT INTO import_rejection (run_id, kind, source_id, position, reason)
       SELECT $1, r.kind, r.source_id, r.position, r.reason FROM jsonb_to_recordset($2::jsonb) AS r(kind text, source_id text, position text, reason text)`,
      [runId, JSON.stringify(rejected.map((r) => ({ kind: r.kind, source_id: r.sourceId ?? null, position: r.position ?? null, reason: r.reason })))],
    );
  }
}
