import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeSubjects, SearchReply } from '@d115/contracts';
import { fixture, KnowledgeKit } from './support/knowledge-kit';

/** The search over catalogues imported through the importers (XZuFi, DLDB, d115 JSON): the index follows every import. */
describe('knowledge search over imported catalogues', () => {
  let kit: KnowledgeKit;
  const search = (query: string, extra: { ars?: string; online?: boolean } = {}) => kit.request(KnowledgeSubjects.search, { query, ...extra });
  const ids = (reply: SearchReply) => reply.hits.map((hit) => hit.sourceId);

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start();
  });
  afterAll(() => kit.dispose());

  it('finds XZuFi Leistungen right after their import', async () => {
    expect((await search('Meldebescheinigung')).total).toBe(0);
    await kit.import(fixture('leistungen.xzufi.xml'));
    expect(ids(await search('Meldebescheinigung'))[0]).toBe('LB-1002');
    expect(ids(await search('Wohnung anmelden', { ars: '130030000000' }))[0]).toBe('LB-1001');
  });

  it('finds DLDB services by their keywords, abbreviations included', async () => {
    await kit.import(fixture('locations_de.json'), { ars: '110000000000' });
    await kit.import(fixture('services_de.json'), { ars: '110000000000' });
    const reply = await search('Perso', { ars: '110000000000' });
    expect(reply.hits[0]).toMatchObject({ sourceId: '120703', leika: '99900201000000', name: 'Personalausweis beantragen' });
  });

  it('breaks the tie between near-identical services in favour of the one whose name the query covers', async () => {
    await kit.import(fixture('search-variants.d115.json'));
    expect(ids(await search('Personalausweis beantragen', { ars: '130030000000' })).slice(0, 2)).toEqual(['ausweis-vor-ort', 'ausweis-telefon']);
  });

  it('a region covers every ARS below it; a wider region takes in the services of the regions below', async () => {
    expect(ids(await search('Jagdschein', { ars: '130725258012' }))).toEqual(['jagdschein-kreis']);
    expect(ids(await search('Jagdschein', { ars: '130030000000' }))).toEqual(['jagdschein-stadt']);
    expect(ids(await search('Jagdschein', { ars: '130000000000' })).sort()).toEqual(['jagdschein-kreis', 'jagdschein-stadt']);
    expect(ids(await search('Jagdschein', { online: true }))).toEqual(['jagdschein-kreis']);
  });

  it('finds a service with nothing but a name', async () => {
    expect(ids(await search('Ferienwohnung'))[0]).toBe('nur-name');
  });

  it('weighs words by how rare they are in the loaded catalogue', async () => {
    // "beantragen" is in most services here, "Jagdschein" in two: the rare word decides
    const reply = await search('Jagdschein beantragen');
    expect(ids(reply).slice(0, 2).sort()).toEqual(['jagdschein-kreis', 'jagdschein-stadt']);
    const [stats] = await kit.rows<{ common: number; rare: number }>(
      `SELECT (SELECT df FROM knowledge.search_term_stat WHERE term = 'beantrag') AS common, (SELECT df FROM knowledge.search_term_stat WHERE term = 'jagdschein') AS rare`,
    );
    expect(stats.common).toBeGreaterThan(stats.rare);
  });

  it('indexes a service with a very long HTML text whole: a word at its end is found, the snippet stays short', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'd115-long-'));
    try {
      const paragraph = '<p>Die Behörde prüft den <b>Antrag</b> und die <a href="https://example.org">Unterlagen</a> sorgfältig.</p>\n';
      const fullText = `${paragraph.repeat(4000)}<table><tr><td>Ausnahme für die Zaunkönigbrücke</td></tr></table>`;
      const file = join(dir, 'long.d115.json');
      writeFileSync(
        file,
        JSON.stringify({
          format: 'd115-catalogue',
          version: 1,
          source: 'long-test',
          services: [{ id: 'lang', name: 'Sehr lange Beschreibung', modules: { fullText } }],
        }),
      );
      expect(fullText.length).toBeGreaterThan(400_000);
      await kit.import(file);
      const reply = await search('Zaunkönigbrücke');
      expect(ids(reply)).toEqual(['lang']);
      expect(reply.hits[0].snippet).toContain('<mark>Zaunkönigbrücke</mark>');
      expect(reply.hits[0].snippet.length).toBeLessThan(600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
