import { join } from 'node:path';
import { CatalogueRecord } from '../catalogue-record';
import { XzufiFormat } from './xzufi.format';

const file = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'leistungen.xzufi.xml');

async function read(sut: XzufiFormat): Promise<CatalogueRecord[]> {
  const records: CatalogueRecord[] = [];
  for await (const record of sut.records(file)) records.push(record);
  return records;
}

describe('XzufiFormat', () => {
  it('yields the same records whatever the chunk boundaries (inside tags, entities and umlauts)', async () => {
    const whole = await read(new XzufiFormat());
    const tiny = await read(new XzufiFormat(7));
    expect(tiny).toEqual(whole);
    expect(whole.map((r) => r.kind)).toEqual([
      'service',
      'service',
      'service',
      'rejected',
      'organisationUnit',
      'responsibility',
      'responsibility',
      'responsibility',
      'responsibility',
      'onlineService',
      'service',
    ]);
  });

  it('reads the unit with its visitor address, functional email and phone', async () => {
    const unit = (await read(new XzufiFormat())).find((r) => r.kind === 'organisationUnit');
    expect(unit).toMatchObject({
      sourceId: 'OE-1',
      name: 'Bürgeramt Test',
      email: 'buergeramt.test@example.org',
      phone: '+49 381 381-0',
      address: { street: 'Neuer Markt', houseNumber: '3', postalCode: '18055', city: 'Rostock' },
    });
  });
});
