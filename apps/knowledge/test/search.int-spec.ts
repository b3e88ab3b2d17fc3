import { ErrorCode, KnowledgeErrorCode, KnowledgeSubjects, SearchReply } from '@d115/contracts';
import { Scheduler } from '@d115/platform';
import { waitFor } from '@d115/testing';
import { KnowledgeKit } from './support/knowledge-kit';

/** The German search over the Rostock demo catalogue, over NATS, as an agent would use it. */
describe('knowledge search', () => {
  let kit: KnowledgeKit;
  const search = (query: string, extra: { ars?: string; online?: boolean; limit?: number } = {}) => kit.request(KnowledgeSubjects.search, { query, ...extra });
  const ids = (reply: SearchReply) => reply.hits.map((hit) => hit.sourceId);

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start({ KNOWLEDGE_DEMO_CATALOGUE: 'true' });
    await waitFor(async () => (await kit.rows(`SELECT 1 FROM knowledge.search_document LIMIT 1`)).length > 0 || undefined, 'the demo catalogue indexed');
  });
  afterAll(() => kit.dispose());

  it('"Perso" is the identity card', async () => {
    expect(ids(await search('Perso'))[0]).toBe('personalausweis-beantragen');
  });

  it('"Personal Ausweis" split in two is the Personalausweis', async () => {
    const reply = await search('Personal Ausweis');
    expect(ids(reply)[0]).toBe('personalausweis-beantragen');
    expect(reply.hits[0].snippet).toContain('<mark>Personalausweis</mark>');
  });

  it('"Fürerschein" is corrected to Führerschein, with a did-you-mean', async () => {
    const reply = await search('Fürerschein verloren');
    expect(ids(reply)[0]).toBe('fuehrerschein-ersatz');
    expect(reply.didYouMean).toBe('Führerschein verloren');
    expect((await search('Führerschein verloren')).didYouMean).toBeUndefined();
  });

  it('"Bewohnerparkausweisumschreibung" is split against the vocabulary', async () => {
    expect(ids(await search('Bewohnerparkausweisumschreibung'))[0]).toBe('bewohnerparkausweis');
  });

  it('umlauts, their transcriptions and ß/ss find the same', async () => {
    for (const [withUmlauts, transcribed] of [
      ['Führerschein umtauschen', 'Fuehrerschein umtauschen'],
      ['Sondernutzung öffentlicher Straßen', 'Sondernutzung oeffentlicher Strassen'],
      ['Gebühren Einbürgerung', 'Gebuehren Einbuergerung'],
    ]) {
      const [a, b] = await Promise.all([search(withUmlauts), search(transcribed)]);
      expect(ids(b)[0]).toBe(ids(a)[0]);
      expect(b.didYouMean).toBeUndefined();
    }
  });

  it('the stolen wallet with the ID card is the lost-ID service', async () => {
    expect(ids(await search('Mein Portemonnaie mit dem Ausweis wurde in der Straßenbahn geklaut')).slice(0, 3)).toContain('ausweis-verlust');
  });

  it('unscrewed number plates are a lost Kennzeichen', async () => {
    expect(ids(await search('Jemand hat mir die Nummernschilder abgeschraubt')).slice(0, 3)).toContain('kennzeichen-verlust');
  });

  it('filters by region (a responsibility covers every ARS below it) and by online availability', async () => {
    const rostock = await search('Personalausweis', { ars: '130030000000' });
    expect(ids(rostock)).toContain('personalausweis-beantragen');
    expect(await search('Personalausweis', { ars: '110000000000' })).toMatchObject({ hits: [], total: 0 });
    const online = await search('Personalausweis Reisepass Führerschein', { online: true, limit: 50 });
    expect(online.hits.length).toBeGreaterThan(0);
    const [{ offline }] = await kit.rows<{ offline: number }>(
      `SELECT count(*)::int AS offline FROM knowledge.service WHERE id = ANY($1::uuid[]) AND online_services = '[]'::jsonb`,
      [online.hits.map((hit) => hit.serviceId)],
    );
    expect(offline).toBe(0);
    expect(ids(await search('Verlust des Personalausweises', { online: true }))).not.toContain('ausweis-verlust');
  });

  it('a synonym edited at run time takes effect at once, audited with its actor', async () => {
    expect(ids(await search('Blechkiste'))).not.toContain('kfz-zulassung');
    const saved = await kit.request(KnowledgeSubjects.upsertSynonym, { phrase: 'Blechkiste', expansions: ['Fahrzeug zulassen'], actor: 'agent-17' });
    expect(saved).toMatchObject({ phrase: 'blechkiste', origin: 'edited', updatedBy: 'agent-17', kind: 'synonym' });
    expect(ids(await search('Blechkiste'))[0]).toBe('kfz-zulassung');
    expect((await kit.request(KnowledgeSubjects.listSynonyms, { contains: 'blech' })).synonyms.map((s) => s.phrase)).toEqual(['blechkiste']);
    expect(await kit.request(KnowledgeSubjects.deleteSynonym, { phrase: 'Blechkiste', actor: 'agent-17' })).toEqual({ phrase: 'blechkiste', deleted: true });
    expect(ids(await search('Blechkiste'))).not.toContain('kfz-zulassung');
    const audit = await kit.rows(`SELECT action, actor FROM knowledge.search_synonym_audit WHERE phrase = 'blechkiste' ORDER BY seq`);
    expect(audit).toEqual([
      { action: 'upsert', actor: 'agent-17' },
      { action: 'delete', actor: 'agent-17' },
    ]);
    expect((await kit.failure(KnowledgeSubjects.upsertSynonym, { phrase: 'und', expansions: ['x'], actor: 'agent-17' })).code).toBe(
      KnowledgeErrorCode.SYNONYM_EMPTY,
    );
  });

  it('ships the general synonym and situation table', async () => {
    const { synonyms } = await kit.request(KnowledgeSubjects.listSynonyms, { contains: 'geklaut' });
    expect(synonyms[0]).toMatchObject({ phrase: 'geklaut', kind: 'situation', origin: 'shipped' });
  });

  it('logs searches without personal data; feedback marks the chosen hit; unanswered lists the rest', async () => {
    const nothing = await search('Xylophonreparatur');
    expect(nothing).toMatchObject({ hits: [], total: 0 });
    const chosen = await search('Perso Antrag');
    await expect(
      kit.request(KnowledgeSubjects.searchFeedback, { searchId: chosen.searchId, serviceId: chosen.hits[0].serviceId, helpful: true }),
    ).resolves.toEqual({
      searchId: chosen.searchId,
      recorded: true,
    });
    await search('Reisepass');
    const { queries } = await kit.request(KnowledgeSubjects.searchUnanswered, {});
    expect(queries.find((entry) => entry.query === 'xylophonreparatur')).toMatchObject({ withoutHits: 1 });
    expect(queries.find((entry) => entry.query === 'reisepass')).toMatchObject({ withoutHits: 0, withoutChoice: 1 });
    expect(queries.find((entry) => entry.query === 'perso antrag')).toBeUndefined();

    const personal = await search('Frau Müller, 0381 1234567, mueller@example.org: Ausweis verloren');
    const [logged] = await kit.rows<{ query: string }>(`SELECT query FROM knowledge.search_log WHERE id = $1`, [personal.searchId]);
    expect(logged.query).toBe('frau ‹name›, ‹zahl›, ‹email›: ausweis verloren');

    expect((await kit.failure(KnowledgeSubjects.searchFeedback, { searchId: '0190a000-0000-7000-8000-000000000000', helpful: false })).code).toBe(
      KnowledgeErrorCode.SEARCH_NOT_FOUND,
    );
  });

  it('deletes log entries past retention (KNOWLEDGE_SEARCH_LOG_RETENTION_DAYS, default 90)', async () => {
    await kit.sql.query(`INSERT INTO knowledge.search_log (id, at, query, total, hits) VALUES (gen_random_uuid(), now() - interval '91 days', 'alt', 0, '{}')`);
    const recent = await search('Reisepass verlängern');
    await expect(kit.service.app.get(Scheduler).runNow('search-log-retention')).resolves.toBe(1);
    expect(await kit.rows(`SELECT query FROM knowledge.search_log WHERE query = 'alt'`)).toEqual([]);
    expect(await kit.rows(`SELECT 1 FROM knowledge.search_log WHERE id = $1`, [recent.searchId])).toHaveLength(1);
  });

  it('refuses empty, huge and binary queries with a coded validation error', async () => {
    for (const query of ['', '   ', 'a'.repeat(501), 'Ausweis\u0000\u0001\u0002', '?!…']) {
      expect((await kit.failure(KnowledgeSubjects.search, { query })).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
    expect((await kit.failure(KnowledgeSubjects.search, { query: 'Ausweis', limit: 0 })).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect((await kit.failure(KnowledgeSubjects.search, { query: 'Ausweis', ars: '13003' })).code).toBe(ErrorCode.VALIDATION_FAILED);
  });
});
