import { KnowledgeSubjects } from '@d115/contracts';
import { fixture, KnowledgeKit } from './support/knowledge-kit';

/** The DLDB export of Berlin/Munich: services_de.json and locations_de.json. */
describe('knowledge: DLDB import', () => {
  let kit: KnowledgeKit;

  beforeAll(async () => {
    kit = await KnowledgeKit.create();
    await kit.start();
  });
  afterAll(() => kit.dispose());

  it('imports services, then locations with their services per office; services again resolves the rest', async () => {
    const services = await kit.import(fixture('services_de.json'), { ars: '110000000000' });
    expect(services).toMatchObject({ format: 'dldb-services', source: 'dldb', applied: { services: 2, responsibilities: 0, rejected: 2 } });
    expect(services.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'service', sourceId: '999', reason: expect.stringContaining('invalid LeiKa key "12345"') }),
        expect.objectContaining({ kind: 'responsibility', reason: 'references an unknown organisation unit "122210"' }),
      ]),
    );
    const locations = await kit.import(fixture('locations_de.json'), { ars: '110000000000' });
    expect(locations).toMatchObject({ format: 'dldb-locations', applied: { organisationUnits: 1, responsibilities: 1, rejected: 1 } });
    expect(locations.rejected[0].reason).toBe('references an unknown service "000000"');
    const again = await kit.import(fixture('services_de.json'), { ars: '110000000000' });
    expect(again.applied.responsibilities).toBe(1);
  });

  it('keeps sanitised HTML, keywords, links and the office with hours and appointment booking', async () => {
    const reply = await kit.request(KnowledgeSubjects.getService, { leikaKey: '99900201000000', ars: '110000000000' });
    expect(reply.service).toMatchObject({
      name: 'Personalausweis beantragen',
      keywords: ['Perso', 'Ausweis', 'ID-Karte'],
      appointmentBookable: true,
      onlineServices: [{ title: 'Mehr', url: 'https://service.berlin.de/dienstleistung/120703/' }],
    });
    expect(reply.service.modules).toMatchObject({
      fullText: '<p>Den Personalausweis <strong>beantragen</strong> Sie persönlich.</p>',
      fees: '<p>37,00 Euro</p>',
    });
    expect(reply.responsible).toMatchObject({
      appointmentBookable: true,
      appointmentUrl: 'https://service.berlin.de/terminvereinbarung/122210',
      organisationUnit: {
        name: 'Bürgeramt Testbezirk',
        email: 'buergeramt.testbezirk@example.org',
        address: 'Teststraße 1, 10115 Berlin',
        openingHours: [
          { day: 'mo', opens: '08:00', closes: '12:00' },
          { day: 'mo', opens: '13:00', closes: '16:00' },
          { day: 'tu', opens: '11:00', closes: '18:00' },
        ],
        openingHoursNote: 'wednesday: nach Vereinbarung',
      },
    });
  });

  it('rejects responsibilities when the region of the export is not given', async () => {
    const report = await kit.import(fixture('locations_de.json'));
    expect(report.rejected.map((r) => r.reason)).toEqual(expect.arrayContaining([expect.stringContaining('pass the ARS of the export')]));
  });
});
