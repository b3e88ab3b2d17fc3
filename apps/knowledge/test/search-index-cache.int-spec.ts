import { KnowledgeSubjects, SearchReply } from '@d115/contracts';
import { DATA_SOURCE } from '@d115/platform';
import { waitFor } from '@d115/testing';
import { DataSource } from 'typeorm';
import { EVALUATION_QUESTIONS } from '../src/search/evaluation/evaluation';
import { SearchIndexCache } from '../src/search/index/search-index-cache';
import { StandaloneSearch } from '../src/search/standalone-search';
import { fixture, KnowledgeKit } from './support/knowledge-kit';

/** The in-memory index: it ranks as the SQL does, and an import through another process is seen at the next search. */
describe('knowledge search: the in-memory index', () => {
  let kit: KnowledgeKit;
  let cache: SearchIndexCache;
  const generation = async () =>
    Number((await kit.rows<{ g: string }>(`SELECT value->>'generation' AS g FROM knowledge.search_meta WHERE key = 'stats'`))[0].g);
  const ids = (reply: SearchReply) => reply.hits.map((hit) => hit.sourceId);

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start({ KNOWLEDGE_DEMO_CATALOGUE: 'true' });
    cache = kit.service.app.get(SearchIndexCache);
    await waitFor(async () => (cache.generation !== undefined && cache.generation === (await generation())) || undefined, 'the demo catalogue in memory');
  });
  afterAll(() => kit.dispose());

  it('ranks every evaluation question as the SQL ranking does, with and without a region', async () => {
    const dataSource = kit.service.app.get<DataSource>(DATA_SOURCE);
    const inSql = new StandaloneSearch(dataSource);
    inSql.cache.enabled = false;
    const inMemory = new StandaloneSearch(dataSource);
    await Promise.all([inSql.prepare(), inMemory.prepare()]);
    expect(await inMemory.cache.load()).toBeDefined();
    for (const question of EVALUATION_QUESTIONS)
      for (const filter of [{}, { ars: '130030000000' }]) {
        const request = { query: question.q, limit: 10, ...filter };
        const [sql, memory] = await Promise.all([inSql.search(request), inMemory.search(request)]);
        expect({ q: question.q, filter, hits: ids(memory), total: memory.total, didYouMean: memory.didYouMean }).toEqual({
          q: question.q,
          filter,
          hits: ids(sql),
          total: sql.total,
          didYouMean: sql.didYouMean,
        });
        memory.hits.forEach((hit, i) => expect(Math.abs(hit.score - sql.hits[i].score)).toBeLessThan(0.002));
      }
  });

  it('an import through the command is found at the next search, and the new generation is loaded into memory', async () => {
    const before = await generation();
    expect((await kit.request(KnowledgeSubjects.search, { query: 'Jagdschein' })).total).toBe(0);
    await kit.import(fixture('search-variants.d115.json'));
    expect(await generation()).toBe(before + 1);
    expect(ids(await kit.request(KnowledgeSubjects.search, { query: 'Jagdschein' })).sort()).toEqual(['jagdschein-kreis', 'jagdschein-stadt']);
    await waitFor(() => cache.generation === before + 1 || undefined, 'the new generation in memory');
    expect(ids(await kit.request(KnowledgeSubjects.search, { query: 'Jagdschein', ars: '130725258012' }))).toEqual(['jagdschein-kreis']);
  });
});
