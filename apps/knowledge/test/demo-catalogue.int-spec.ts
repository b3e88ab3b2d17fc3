import { KnowledgeSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { KnowledgeKit } from './support/knowledge-kit';

/** A fresh database gets the Rostock demo catalogue at start. */
describe('knowledge: Rostock demo catalogue', () => {
  let kit: KnowledgeKit;

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start({ KNOWLEDGE_DEMO_CATALOGUE: 'true' });
  });
  afterAll(() => kit.dispose());

  it('loads 60+ services with offices and responsibilities for Rostock once', async () => {
    const counts = await waitFor(async () => {
      const [row] = await kit.rows<{ services: number; units: number; responsibilities: number; runs: number }>(
        `SELECT (SELECT count(*) FROM knowledge.service)::int AS services, (SELECT count(*) FROM knowledge.organisation_unit)::int AS units,
                (SELECT count(*) FROM knowledge.responsibility WHERE region_ars = '130030000000')::int AS responsibilities,
                (SELECT count(*) FROM knowledge.import_run WHERE status = 'completed')::int AS runs`,
      );
      return row.runs === 1 ? row : undefined;
    }, 'the demo import run');
    expect(counts.services).toBeGreaterThanOrEqual(60);
    expect(counts.units).toBeGreaterThanOrEqual(15);
    expect(counts.responsibilities).toBeGreaterThanOrEqual(60);
    const [rejected] = await kit.rows(`SELECT count(*)::int AS n FROM knowledge.import_rejection`);
    expect(rejected.n).toBe(0);
  });

  it('describes a demo service with its Rostock office and hours', async () => {
    const [row] = await kit.rows<{ id: string }>(`SELECT id FROM knowledge.service WHERE source_id = 'kfz-zulassung'`);
    const reply = await kit.request(KnowledgeSubjects.getService, { serviceId: row.id, ars: '130030000000' });
    expect(reply.service.name).toBe('Fahrzeug zulassen');
    expect(reply.responsible?.organisationUnit.email).toBe('kfz-zulassung@rostock.de');
    expect(reply.responsible?.organisationUnit.openingHours.length).toBeGreaterThan(3);
    expect(reply.responsible?.appointmentBookable).toBe(true);
  });
});
