import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeSubjects } from '@d115/contracts';
import { fixture, KnowledgeKit } from './support/knowledge-kit';

/** XZuFi 2.2 streamed: prefixes, languages, HTML, forward references, bad records, truncated files. */
describe('knowledge: XZuFi import', () => {
  let kit: KnowledgeKit;
  const dir = mkdtempSync(join(tmpdir(), 'xzufi-'));

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start();
  });
  afterAll(() => kit.dispose());

  it('imports leistungen and organisationseinheiten under any prefix, rejecting what is wrong', async () => {
    const report = await kit.import(fixture('leistungen.xzufi.xml'), { batchSize: 2 });
    expect(report).toMatchObject({ format: 'xzufi', source: 'xzufi', status: 'completed' });
    expect(report.applied).toEqual({ services: 3, organisationUnits: 1, responsibilities: 3, rejected: 4 });
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'service', sourceId: 'LB-1003', reason: expect.stringContaining('invalid LeiKa key "99900X"') }),
        expect.objectContaining({ kind: 'service', reason: expect.stringContaining('namespace "http://xoev.de/schemata/xzufi/2_1_0"') }),
        expect.objectContaining({ kind: 'responsibility', reason: 'references an unknown service "LB-UNBEKANNT"' }),
        expect.objectContaining({ kind: 'onlineService', sourceId: 'OD-1 → LB-NIRGENDS', reason: 'references an unknown service "LB-NIRGENDS"' }),
      ]),
    );
  });

  it('keeps the German text, the name from Leistungsbezeichnung II, sanitised HTML and the structured fees', async () => {
    const reply = await kit.request(KnowledgeSubjects.getService, { leikaKey: '99900101000000', ars: '130030000000' });
    expect(reply.service).toMatchObject({ name: 'Wohnung anmelden', synonyms: ['Wohnsitz Anmeldung'], sourceId: 'LB-1001', validFrom: '2024-01-01' });
    expect(reply.service.modules).toEqual({
      fullText: '<p>Melden Sie sich <b>innerhalb von zwei Wochen</b> an.</p>',
      requiredDocuments: '<ul><li>Personalausweis</li><li>Wohnungsgeberbestätigung</li></ul>',
      fees: 'gebührenfrei',
    });
    expect(reply.responsible?.organisationUnit).toMatchObject({
      name: 'Bürgeramt Test',
      email: 'buergeramt.test@example.org',
      phone: '+49 381 381-0',
      address: 'Neuer Markt 3, 18055 Rostock',
      openingHoursNote: 'Mo–Fr 8–12 Uhr',
    });
  });

  it('attaches an onlinedienst to the leistungen it names, before and after it in the file, once', async () => {
    await kit.import(fixture('leistungen.xzufi.xml'), { batchSize: 1 }); // LB-1004 in a later batch than the onlinedienst
    for (const leikaKey of ['99900101000000', '99900104000000']) {
      const reply = await kit.request(KnowledgeSubjects.getService, { leikaKey });
      expect(reply.service.onlineServices).toEqual([{ title: 'Online anmelden', url: 'https://online.example.org/anmelden' }]);
    }
  });

  it('resolves a zustaendigkeit whose leistung comes later in the file, and AGS regions', async () => {
    const later = await kit.request(KnowledgeSubjects.findResponsibleAuthority, { leikaKey: '99900104000000', ars: '130030000000' });
    expect(later.authorities.map((a) => a.email)).toEqual(['buergeramt.test@example.org']);
    const ags = await kit.request(KnowledgeSubjects.findResponsibleAuthority, { leikaKey: '99900102000000', ars: '130030000000' });
    expect(ags.authorities).toEqual([expect.objectContaining({ ars: '130030000000' })]);
  });

  it('re-imports without duplicates', async () => {
    await kit.import(fixture('leistungen.xzufi.xml'));
    const [row] = await kit.rows(`SELECT (SELECT count(*) FROM knowledge.service)::int AS s, (SELECT count(*) FROM knowledge.responsibility)::int AS r`);
    expect(row).toEqual({ s: 3, r: 3 });
  });

  it('keeps the complete records of a truncated file and reports where it broke', async () => {
    const text = readFileSync(fixture('leistungen.xzufi.xml'), 'utf8');
    const cut = join(dir, 'truncated.xml');
    writeFileSync(cut, text.slice(0, text.indexOf('<ns2:modulText>')).replace('99900101000000', '99900901000000'));
    const report = await kit.import(cut, { source: 'truncated' });
    expect(report.status).toBe('partial');
    expect(report.applied.services).toBe(1);
    expect(report.rejected).toEqual([
      expect.objectContaining({
        kind: 'file',
        position: expect.stringMatching(/^line \d+, column \d+$/),
        reason: expect.stringContaining('XML not well-formed'),
      }),
    ]);
    await expect(kit.request(KnowledgeSubjects.getService, { leikaKey: '99900901000000' })).resolves.toMatchObject({ service: { name: 'Wohnung anmelden' } });
  });

  it('reports malformed XML without crashing', async () => {
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<?xml version="1.0"?><x:a xmlns:x="http://xoev.de/schemata/xzufi/2_2_0"><x:leistung><x:id>1</x:id></x:leistungg></x:a>');
    const report = await kit.import(bad, { source: 'bad' });
    expect(report).toMatchObject({ status: 'partial', applied: { services: 0, rejected: 1 } });
    expect(report.rejected[0].reason).toContain('XML not well-formed');
  });
});
