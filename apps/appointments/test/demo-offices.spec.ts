import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROSTOCK_DEMO_OFFICES } from '../src/demo/rostock-offices';

interface CatalogueUnit {
  id: string;
  address: Record<string, string>;
  openingHours: { day: string; opens: string; closes: string }[];
}
const catalogue = JSON.parse(readFileSync(join(__dirname, '..', '..', 'knowledge', 'src', 'demo', 'rostock.catalogue.json'), 'utf8')) as {
  services: { id: string; appointmentBookable?: boolean }[];
  organisationUnits: CatalogueUnit[];
  responsibilities: { service: string; organisationUnit: string }[];
};

/** The demo offices tell the same Rostock as the knowledge demo catalogue (read as a file, not imported from that app). */
describe('Rostock demo offices', () => {
  it.each(ROSTOCK_DEMO_OFFICES.map((o) => [o.officeId, o] as const))('%s has the catalogue unit’s address and hours', (id, office) => {
    const unit = catalogue.organisationUnits.find((u) => u.id === id);
    expect(unit).toBeDefined();
    expect(office.address).toEqual(unit?.address);
    expect(office.openingHours.map((h) => `${h.day.slice(0, 2)} ${h.from}-${h.to}`)).toEqual(unit?.openingHours.map((h) => `${h.day} ${h.opens}-${h.closes}`));
  });

  it('books every bookable catalogue service at the office responsible for it, and nothing else', () => {
    const bookable = new Set(catalogue.services.filter((s) => s.appointmentBookable).map((s) => s.id));
    const expected = catalogue.responsibilities.filter((r) => bookable.has(r.service)).map((r) => `${r.organisationUnit}/${r.service}`);
    const offered = ROSTOCK_DEMO_OFFICES.flatMap((o) => o.services.map((s) => `${o.officeId}/${s.serviceId}`));
    expect(offered.sort()).toEqual(expected.sort());
  });
});
