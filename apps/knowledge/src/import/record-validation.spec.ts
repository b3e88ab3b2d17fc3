import { checkOnlineService, checkOrganisationUnit, checkResponsibility, checkService } from './record-validation';

describe('record validation', () => {
  it('keys a service by its LeiKa key, else by source and id, and builds its plain text', () => {
    const sut = checkService(
      { kind: 'service', sourceId: ' a1 ', leikaKey: '99102013000000', name: 'Pass', synonyms: ['P', 'P'], modules: { fullText: '<p>Text <em>hier</em></p>' } },
      'src',
    );
    expect(sut).toMatchObject({ ok: true, value: { catalogueKey: '99102013000000', sourceId: 'a1', synonyms: ['P'], plainText: 'Pass \nP \nText hier' } });
    expect(checkService({ kind: 'service', sourceId: 'b', name: 'Ohne', modules: {} }, 'src')).toMatchObject({
      ok: true,
      value: { catalogueKey: 'src:b', leikaKey: null },
    });
  });

  it.each([
    [{ leikaKey: '991020' }, 'invalid LeiKa key "991020" (14 digits expected)'],
    [{ name: ' ' }, 'service without a name'],
    [{ sourceId: '' }, 'service without an id'],
    [{ validFrom: '2024-13-45' }, 'invalid validFrom "2024-13-45" (YYYY-MM-DD expected)'],
  ])('rejects a service with %j', (change, reason) => {
    expect(checkService({ kind: 'service', sourceId: 'x', name: 'X', modules: {}, ...change }, 'src')).toEqual({ ok: false, reason });
  });

  it('rejects bad units, responsibilities and online services with a reason', () => {
    expect(checkOrganisationUnit({ kind: 'organisationUnit', sourceId: 'u', name: 'U', email: 'nope' }, 's')).toEqual({
      ok: false,
      reason: 'invalid email "nope"',
    });
    expect(checkResponsibility({ kind: 'responsibility', service: {}, organisationUnitSourceId: 'u', ars: '130030000000' }, 's')).toEqual({
      ok: false,
      reason: 'responsibility names no service',
    });
    expect(checkResponsibility({ kind: 'responsibility', service: { sourceId: 'x' }, organisationUnitSourceId: 'u', ars: '13003' }, 's')).toMatchObject({
      ok: false,
    });
    expect(checkOnlineService({ kind: 'onlineService', sourceId: 'o', serviceSourceIds: ['x'], title: 't', url: 'ftp://x' })).toMatchObject({ ok: false });
  });

  it('stores the region with its significant prefix', () => {
    expect(checkResponsibility({ kind: 'responsibility', service: { sourceId: 'x' }, organisationUnitSourceId: 'u', ars: '130720000000' }, 's')).toMatchObject({
      ok: true,
      value: { regionArs: '130720000000', regionPrefix: '13072', unitKey: 's:u' },
    });
  });
});
