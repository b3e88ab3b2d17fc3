import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueImportedEvent, KnowledgeErrorCode, KnowledgeEvents, KnowledgeSubjects, validatePayload } from '@d115/contracts';
import { ImportCatalogueUsecase } from '../src/import/usecases/import-catalogue/import-catalogue.usecase';
import { fixture, KnowledgeKit } from './support/knowledge-kit';

/** d115's own format; lookups by LeiKa key and ARS with prefix coverage; the import event. */
describe('knowledge: d115 catalogue import and lookups', () => {
  let kit: KnowledgeKit;

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start();
  });
  afterAll(() => kit.dispose());

  it('imports the valid records and reports each rejected one with its reason', async () => {
    const report = await kit.import(fixture('catalogue.d115.json'));
    expect(report).toMatchObject({ format: 'd115', source: 'test-catalogue', status: 'completed' });
    expect(report.applied).toEqual({ services: 2, organisationUnits: 4, responsibilities: 5, rejected: 6 });
    const reasons = report.rejected.map((r) => `${r.kind} ${r.sourceId ?? ''}: ${r.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^service kaputt: invalid LeiKa key "9990000100"/),
        expect.stringMatching(/^service modul: unknown text module "gebuehr"/),
        expect.stringMatching(/^organisationUnit schlecht: invalid opening hours/),
        expect.stringMatching(/^responsibility .*: invalid ARS "1300x"/),
        expect.stringMatching(/^responsibility gibt-es-nicht .*: references an unknown service "gibt-es-nicht"/),
        expect.stringMatching(/^responsibility ausweis × niemand .*: references an unknown organisation unit "niemand"/),
      ]),
    );
    const stored = await kit.rows(`SELECT count(*)::int AS n FROM knowledge.import_rejection WHERE run_id = $1`, [report.runId]);
    expect(stored[0].n).toBe(6);
  });

  it('raises catalogue.imported, valid against its contract, through the running relay', async () => {
    const report = await kit.import(fixture('catalogue.d115.json'));
    const envelope = await kit.publishedEvent(KnowledgeEvents.catalogueImported, `import/${report.runId}`);
    const data = await validatePayload(CatalogueImportedEvent, envelope.data);
    expect(data).toMatchObject({ runId: report.runId, format: 'd115', status: 'completed', applied: report.applied });
    expect(data.leikaKeys).toEqual(['99900001000000']);
  });

  it('is idempotent: a re-import updates in place, no duplicates', async () => {
    await kit.import(fixture('catalogue.d115.json'));
    await kit.sql.query(`UPDATE knowledge.service SET name = 'alt' WHERE leika_key = '99900001000000'`);
    await kit.import(fixture('catalogue.d115.json'));
    const counts = await kit.rows(
      `SELECT (SELECT count(*) FROM knowledge.service)::int AS services, (SELECT count(*) FROM knowledge.organisation_unit)::int AS units,
              (SELECT count(*) FROM knowledge.responsibility)::int AS responsibilities,
              (SELECT name FROM knowledge.service WHERE leika_key = '99900001000000') AS name`,
    );
    expect(counts[0]).toEqual({ services: 2, units: 4, responsibilities: 5, name: 'Testausweis beantragen' });
  });

  it('keeps the row of a service that gains or loses its LeiKa key in a later import', async () => {
    const [before] = await kit.rows<{ id: string }>(`SELECT id FROM knowledge.service WHERE source_id = 'ohne-leika'`);
    const file = join(mkdtempSync(join(tmpdir(), 'd115-')), 'keyed.json');
    const document = JSON.parse(readFileSync(fixture('catalogue.d115.json'), 'utf8'));
    document.services[1].leikaKey = '99900002000000';
    writeFileSync(file, JSON.stringify(document));
    await kit.import(file);
    const rows = await kit.rows<{ id: string; leika_key: string }>(`SELECT id, leika_key FROM knowledge.service WHERE source_id = 'ohne-leika'`);
    expect(rows).toEqual([{ id: before.id, leika_key: '99900002000000' }]);
    const found = await kit.request(KnowledgeSubjects.findResponsibleAuthority, { leikaKey: '99900002000000', ars: '130030000000' });
    expect(found.authorities.map((a) => a.name)).toEqual(['Bürgeramt Rostock']);
    await kit.import(fixture('catalogue.d115.json')); // and without it again
    expect(await kit.rows(`SELECT id, leika_key FROM knowledge.service WHERE source_id = 'ohne-leika'`)).toEqual([{ id: before.id, leika_key: null }]);
  });

  it('marks a run that broke off for a reason outside the file as failed, not running', async () => {
    const broken = {
      format: 'd115' as const,
      records: async function* () {
        yield { kind: 'service' as const, sourceId: 'x', name: 'X', modules: {} };
        throw new Error('disk went away');
      },
    };
    await expect(kit.service.app.get(ImportCatalogueUsecase).execute({ file: 'broken', format: broken, source: 'broken' })).rejects.toThrow('disk went away');
    expect(await kit.rows(`SELECT status FROM knowledge.import_run WHERE file = 'broken'`)).toEqual([{ status: 'failed' }]);
  });

  it('answers service.get with the sanitised description and the most specific office for the ARS', async () => {
    const reply = await kit.request(KnowledgeSubjects.getService, { leikaKey: '99900001000000', ars: '130725258012' });
    expect(reply.service).toMatchObject({ name: 'Testausweis beantragen', synonyms: ['Ausweis'], appointmentBookable: true, validFrom: '2024-01-01' });
    expect(reply.service.modules.fullText).toBe('<p>Ausführlich erklärt.</p>');
    expect(reply.service.modules.requiredDocuments).toBe('<ul><li>Foto</li><li>Altes Dokument</li></ul>');
    expect(reply.responsible).toMatchObject({
      regionArs: '130725258012',
      organisationUnit: { name: 'Amt Carbäk', email: 'amt@example.org' },
      appointmentBookable: true,
      appointmentUrl: 'https://termine.example.org/carbaek',
    });
  });

  it('lets a district responsibility cover its municipalities, and the Land cover the rest', async () => {
    const inDistrict = await kit.request(KnowledgeSubjects.getService, { leikaKey: '99900001000000', ars: '130725260057' });
    expect(inDistrict.responsible).toMatchObject({
      regionArs: '130720000000',
      organisationUnit: { name: 'Landkreis Rostock, Bürgerservice', address: 'August-Bebel-Straße 3, 18209 Bad Doberan', phone: '+49 3843 755-0' },
      appointmentBookable: false,
    });
    const rostock = await kit.request(KnowledgeSubjects.getService, { leikaKey: '99900001000000', ars: '130030000000' });
    expect(rostock.responsible?.organisationUnit.name).toBe('Bürgeramt Rostock');
    const elsewhere = await kit.request(KnowledgeSubjects.getService, { leikaKey: '99900001000000', ars: '130760000000' });
    expect(elsewhere.responsible).toMatchObject({
      regionArs: '130000000000',
      organisationUnit: { name: 'Landesamt MV', openingHours: [{ day: 'mo', opens: '08:00', closes: '12:00' }] },
    });
    const berlin = await kit.request(KnowledgeSubjects.getService, { leikaKey: '99900001000000', ars: '110000000000' });
    expect(berlin.responsible).toBeUndefined();
  });

  it('finds a service without a LeiKa key by its id, and refuses unknown or invalid keys with codes', async () => {
    const [row] = await kit.rows<{ id: string }>(`SELECT id FROM knowledge.service WHERE source_id = 'ohne-leika'`);
    const reply = await kit.request(KnowledgeSubjects.getService, { serviceId: row.id, ars: '130030000000' });
    expect(reply.service).toMatchObject({ sourceId: 'ohne-leika', source: 'test-catalogue' });
    expect(reply.service.leikaKey).toBeUndefined();
    expect(reply.responsible?.organisationUnit.name).toBe('Bürgeramt Rostock');
    expect((await kit.failure(KnowledgeSubjects.getService, { leikaKey: '99999999999999' })).code).toBe(KnowledgeErrorCode.SERVICE_NOT_FOUND);
    expect((await kit.failure(KnowledgeSubjects.getService, { leikaKey: '123', ars: '130030000000' })).code).toBe('VALIDATION.FAILED');
  });

  it('answers responsible-authority.find with the functional address of the most specific unit', async () => {
    const reply = await kit.request(KnowledgeSubjects.findResponsibleAuthority, { leikaKey: '99900001000000', ars: '130725260057' });
    expect(reply.authorities).toEqual([expect.objectContaining({ name: 'Landkreis Rostock, Bürgerservice', email: 'kreis@example.org', ars: '130720000000' })]);
    const none = await kit.request(KnowledgeSubjects.findResponsibleAuthority, { leikaKey: '99999999999999', ars: '130030000000' });
    expect(none.authorities).toEqual([]);
  });
});
