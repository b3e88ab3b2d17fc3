import { KnowledgeSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { evaluate } from '../src/search/evaluation/evaluation';
import { KnowledgeKit } from './support/knowledge-kit';

/**
 * The recall floor on the team's evaluation set over the Rostock demo catalogue:
 * a change to the ranking, the analyser or the synonym data that loses answers fails here.
 */
describe('knowledge search: recall on the evaluation set', () => {
  let kit: KnowledgeKit;

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start({ KNOWLEDGE_DEMO_CATALOGUE: 'true' });
    await waitFor(async () => (await kit.rows(`SELECT 1 FROM knowledge.search_document LIMIT 1`)).length > 0 || undefined, 'the demo catalogue indexed');
  });
  afterAll(() => kit.dispose());

  it('finds the expected service in the top 5 for at least 90 % of the questions, in every style', async () => {
    const result = await evaluate(async (query) => (await kit.request(KnowledgeSubjects.search, { query, limit: 10 })).hits.map((hit) => hit.sourceId));
    if (process.env.D115_SEARCH_EVAL_VERBOSE)
      process.stdout.write(
        `${JSON.stringify({ overall: result.overall, byStyle: result.byStyle }, null, 1)}\n${result.misses.map((m) => `${m.question.style}: ${m.question.q} → ${m.got.join(', ')} (want ${m.question.expect.join('|')})`).join('\n')}\n`,
      );
    expect(result.overall.recallAt5).toBeGreaterThanOrEqual(0.9);
    for (const [style, figures] of Object.entries(result.byStyle)) expect({ style, recallAt5: figures.recallAt5 >= 0.9 }).toEqual({ style, recallAt5: true });
  });
});
