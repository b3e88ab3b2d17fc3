import { AppointmentErrorCode } from '@d115/contracts';
import { Office } from './office';
import { planServices } from './service-plan';

const office = {
  id: 'buergeramt',
  slotMinutes: 15,
  services: [
    { serviceId: 'ausweis', name: 'Personalausweis', durationMinutes: 15, maxPerPerson: 3, combinableWith: ['pass'] },
    { serviceId: 'pass', name: 'Reisepass', durationMinutes: 20, maxPerPerson: 2, combinableWith: [] },
    { serviceId: 'gewerbe', name: 'Gewerbe', durationMinutes: 30, maxPerPerson: 1, combinableWith: [] },
  ],
} as unknown as Office;

describe('planServices', () => {
  it('sums the durations and rounds up to the grid', () => {
    expect(planServices(office, [{ serviceId: 'ausweis', count: 2 }, { serviceId: 'pass' }])).toEqual({
      services: [
        { serviceId: 'ausweis', name: 'Personalausweis', count: 2 },
        { serviceId: 'pass', name: 'Reisepass', count: 1 },
      ],
      durationMinutes: 50,
      units: 4,
    });
  });

  it.each([
    [[{ serviceId: 'unbekannt' }], AppointmentErrorCode.SERVICE_NOT_OFFERED],
    [[{ serviceId: 'gewerbe', count: 2 }], AppointmentErrorCode.TOO_MANY_OF_SERVICE],
    [[{ serviceId: 'gewerbe' }, { serviceId: 'pass' }], AppointmentErrorCode.SERVICES_NOT_COMBINABLE],
    [[{ serviceId: 'pass' }, { serviceId: 'pass' }], AppointmentErrorCode.SERVICES_NOT_COMBINABLE],
  ])('refuses %j with %s', (requested, code) => {
    expect(() => planServices(office, requested)).toThrow(expect.objectContaining({ code }));
  });
});
