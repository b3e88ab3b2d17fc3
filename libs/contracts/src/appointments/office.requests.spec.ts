import { validatePayload } from '../common/validation';
import { UpsertOfficeRequest } from './office.requests';

const office = {
  actor: 'admin-olga',
  officeId: 'zms-office',
  name: 'Bürgeramt',
  address: { street: 'Markt', postalCode: '10115', city: 'Berlin' },
  ars: '110000000000',
  state: 'BE',
  counters: 1,
  slotMinutes: 15,
  leadTimeMinutes: 0,
  horizonDays: 60,
  openingHours: [{ day: 'mon', from: '08:00', to: '12:00' }],
  closingDays: [],
  services: [],
  bookingSystem: 'zms',
};

describe('UpsertOfficeRequest', () => {
  it('takes a ZMS service id map of positive integers', async () => {
    await expect(
      validatePayload(UpsertOfficeRequest, { ...office, external: { baseUrl: 'https://zms.example.org/api', officeId: 1, serviceIds: { ausweis: 10339028 } } }),
    ).resolves.toBeDefined();
  });

  it.each([{ ausweis: '10339028' }, { ausweis: -1 }, { 'Not An Id': 1 }, [1]])('refuses the service id map %j', async (serviceIds) => {
    await expect(
      validatePayload(UpsertOfficeRequest, { ...office, external: { baseUrl: 'https://zms.example.org/api', officeId: 1, serviceIds } }),
    ).rejects.toThrow(/serviceIds/);
  });

  it('refuses opening hours that are not clock times and an ARS of the wrong length', async () => {
    await expect(validatePayload(UpsertOfficeRequest, { ...office, ars: '1100', openingHours: [{ day: 'mon', from: '8', to: '12:00' }] })).rejects.toThrow(
      /ars.*openingHours|openingHours.*ars/s,
    );
  });
});
