import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppointmentErrorCode, AppointmentSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { GetAvailabilityUsecase } from '../src/availability/usecases/get-availability/get-availability.usecase';
import { UpsertOfficeUsecase } from '../src/offices/usecases/upsert-office/upsert-office.usecase';
import { AppointmentsKit, testOffice } from './support/appointments-kit';

const locations = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'locations_de.json'), 'utf8')) as Record<string, unknown>;

/** Offices from a DLDB export and from the Rostock demo data; configuration the calendar refuses. */
describe('appointments: offices', () => {
  let kit: AppointmentsKit;

  beforeAll(async () => {
    kit = await AppointmentsKit.create();
    await kit.start({ APPOINTMENTS_DEMO_OFFICES: 'true' });
  });
  afterAll(() => kit.dispose());

  it('loads the Rostock demo offices on a fresh database, bookable at once', async () => {
    const offices = await waitFor(async () => {
      const list = await kit.request(AppointmentSubjects.officeList, { actor: 'agent-anna' });
      return list.length > 0 && list;
    }, 'the demo offices');
    expect(offices.map((o) => o.officeId)).toEqual(expect.arrayContaining(['ortsamt-mitte', 'kfz-zulassung', 'standesamt']));
    const mitte = offices.find((o) => o.officeId === 'ortsamt-mitte');
    expect(mitte).toMatchObject({
      ars: '130030000000',
      state: 'MV',
      address: { street: 'Neuer Markt', houseNumber: '3', postalCode: '18055' },
      source: 'd115-demo-rostock',
    });
    const reply = await kit.request(AppointmentSubjects.availability, {
      actor: 'agent-anna',
      officeIds: ['ortsamt-mitte'],
      services: [{ serviceId: 'personalausweis-beantragen' }],
    });
    expect(reply.offices[0].days.length).toBeGreaterThan(20);
  });

  it('imports the offices of a DLDB locations export and reports what it could not use', async () => {
    const report = await kit.request(AppointmentSubjects.officeImport, {
      actor: 'admin-olga',
      document: locations,
      ars: '110000000000',
      state: 'BE',
      counters: 3,
    });
    expect(report.applied).toBe(1);
    expect(report.rejected).toEqual([
      { position: 'data[1]', reason: 'no opening times that parse' },
      { position: 'data[2]', reason: 'address incomplete' },
      { position: 'data[3]', reason: 'id missing or not usable as an office id' },
    ]);
    const office = await kit.request(AppointmentSubjects.officeGet, { actor: 'admin-olga', officeId: '122210' });
    expect(office).toMatchObject({
      name: 'Bürgeramt Rathaus Beispielstadt',
      ars: '110000000000',
      state: 'BE',
      counters: 3,
      source: 'dldb',
      email: 'buergeramt@beispielstadt.example',
    });
    expect(office.openingHours).toEqual([
      { day: 'mon', from: '08:00', to: '13:00' },
      { day: 'tue', from: '11:00', to: '18:00' },
      { day: 'thu', from: '08:00', to: '13:00' },
      { day: 'fri', from: '08:00', to: '12:00' },
    ]);
    expect(office.services).toEqual([
      { serviceId: '120703', name: 'Personalausweis beantragen', durationMinutes: 15, maxPerPerson: 3, combinableWith: ['121151'] },
      { serviceId: '121151', name: 'Reisepass beantragen', durationMinutes: 15, maxPerPerson: 1, combinableWith: ['120703'] },
    ]);
    const [audit] = await kit.rows(`SELECT actor, action FROM appointments.office_audit WHERE office_id = '122210'`);
    expect(audit).toEqual({ actor: 'admin-olga', action: 'office-created' });
  });

  it('refuses a configuration the calendar or the services contradict, naming every problem, and keeps the old one', async () => {
    await kit.request(AppointmentSubjects.officeUpsert, testOffice());
    const error = await kit.failure(
      AppointmentSubjects.officeUpsert,
      testOffice({
        counters: 9,
        openingHours: [{ day: 'mon', from: '12:00', to: '08:00' }],
        services: [{ serviceId: 'a', name: 'A', durationMinutes: 15, maxPerPerson: 1, combinableWith: ['zzz'] }],
      }),
    );
    expect(error.code).toBe(AppointmentErrorCode.INVALID_OFFICE);
    expect(error.message).toContain('combines with unknown service zzz');
    expect((error.details as { problems: string[] }).problems).toHaveLength(2);
    expect((await kit.request(AppointmentSubjects.officeGet, { actor: 'x', officeId: 'buergeramt-test' })).counters).toBe(2);
    const invalid = await kit.failure(AppointmentSubjects.officeUpsert, { ...testOffice(), ars: '1300' });
    expect(invalid.code).toBe('VALIDATION.FAILED');
  });

  it('answers availability from the new configuration at once when another instance changed the office (same clock reading)', async () => {
    const second = await kit.start();
    const [first] = kit.instances;
    const query = { actor: 'agent-anna', officeIds: ['buergeramt-test'], services: [{ serviceId: 'personalausweis' }], from: '2027-03-02', to: '2027-03-02' };
    await first.app.get(UpsertOfficeUsecase).execute(testOffice());
    const before = await first.app.get(GetAvailabilityUsecase).execute(query);
    expect(before.offices[0].days[0].starts).toHaveLength(16); // 08:00–12:00 on a 15-minute grid
    // The other instance shortens Tuesday's hours and drops a service; the first instance's snapshot and grid are now stale.
    const shorter = testOffice({ openingHours: [{ day: 'tue', from: '08:00', to: '09:00' }] });
    await second.app.get(UpsertOfficeUsecase).execute({ ...shorter, services: shorter.services.filter((service) => service.serviceId !== 'gewerbe') });
    const after = await first.app.get(GetAvailabilityUsecase).execute(query);
    expect(after.offices[0].days[0].starts).toEqual([
      '2027-03-02T07:00:00.000Z',
      '2027-03-02T07:15:00.000Z',
      '2027-03-02T07:30:00.000Z',
      '2027-03-02T07:45:00.000Z',
    ]);
    await expect(first.app.get(GetAvailabilityUsecase).execute({ ...query, services: [{ serviceId: 'gewerbe' }] })).rejects.toMatchObject({
      code: AppointmentErrorCode.SERVICE_NOT_OFFERED,
    });
  });
});
