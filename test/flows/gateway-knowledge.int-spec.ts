import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@d115/platform';
import { useDemoGateway } from '../../apps/gateway/test/support/demo-gateway';
import { CatalogueImporter } from '../../apps/knowledge/src/import/catalogue-importer';
import { knowledgeService } from '../../apps/knowledge/src/main';
import { fixture } from '../../apps/knowledge/test/support/knowledge-kit';

/** The service catalogue through the gateway, from the real knowledge service. */
describe('gateway + knowledge: the catalogue over HTTP', () => {
  const world = useDemoGateway({
    services: ['knowledge'],
    before: async (env) => {
      const knowledge = await env.start(knowledgeService, { KNOWLEDGE_DEMO_CATALOGUE: 'false' });
      const report = await new CatalogueImporter(knowledge.app.get<DataSource>(DATA_SOURCE), 'knowledge').importFile(fixture('catalogue.d115.json'));
      expect(report).toMatchObject({ status: 'completed' });
    },
  });
  let agent: string;

  beforeAll(async () => {
    agent = await world.gateway.token('demo-agent');
  });

  it('answers a Leistung by LeiKa key with the office responsible for the region', async () => {
    const response = await world.gateway.call(agent, 'GET', '/api/v1/knowledge/services/99900001000000?ars=130725258012');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ service: { leikaKey: '99900001000000' }, responsible: { organisationUnit: { name: 'Amt Carbäk' } } });
  });

  it('names who is responsible, and answers an unknown key with a coded 404', async () => {
    const responsible = await world.gateway.call(agent, 'GET', '/api/v1/knowledge/responsible-authorities?leikaKey=99900001000000&ars=130725258012');
    expect(responsible.body.authorities.map((authority: { name: string }) => authority.name)).toContain('Amt Carbäk');
    const unknown = await world.gateway.call(agent, 'GET', '/api/v1/knowledge/services/99999999999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SERVICE.NOT_FOUND');
  });

  it('takes a synonym phrase of up to 100 characters in the path, percent-encoded far longer, and refuses a longer one by the phrase rule', async () => {
    const admin = await world.gateway.token('demo-admin');
    const phrase = 'Müllabfuhr für Sperrmüll übergroß äußerst dringend bitte schnell öffnen '.repeat(2).slice(0, 100);
    const path = `/api/v1/config/synonyms/${encodeURIComponent(phrase)}`;
    expect(path.length).toBeGreaterThan(150);
    const put = await world.gateway.call(admin, 'PUT', path, { expansions: ['sperrmuell'] });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ phrase: phrase.toLowerCase(), expansions: ['sperrmuell'] });
    // one character more is the phrase rule's coded 400 naming the field, not a missing route
    const tooLong = await world.gateway.call(admin, 'PUT', `/api/v1/config/synonyms/${encodeURIComponent(`${phrase}x`)}`, { expansions: ['x'] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ path: 'phrase' }] });
  });
});
