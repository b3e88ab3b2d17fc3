import { AppointmentErrorCode, AppointmentSubjects } from '@d115/contracts';
import { AppointmentsKit, testOffice } from './support/appointments-kit';
import { FakeZms } from './support/fake-zms';

const ACTOR = 'agent-anna';
const START = '2027-03-02T09:00:00.000Z';
const process = (processId: number, timestamp: number) => ({
  processId,
  authKey: 'zms-key-abc',
  timestamp: String(timestamp),
  status: 'reserved',
  officeId: 4711,
  icsContent: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR',
});

/** Offices served by a ZMS: d115 speaks its citizen API, with deadlines, read retries and a breaker, and maps its errors. */
describe('appointments: the ZMS adapter against a server that behaves like the citizen API', () => {
  let kit: AppointmentsKit;
  let zms: FakeZms;

  const zmsOffice = (officeId: string, prefix: string) =>
    testOffice({
      officeId,
      bookingSystem: 'zms',
      external: { baseUrl: zms.url(prefix), officeId: 4711, serviceIds: { personalausweis: 10339028, reisepass: 10339029 } },
    });
  const reserve = (officeId: string, start = START) =>
    kit.request(AppointmentSubjects.reserve, { actor: ACTOR, officeId, services: [{ serviceId: 'personalausweis' }], start });

  beforeAll(async () => {
    zms = await FakeZms.start();
    kit = await AppointmentsKit.create();
    await kit.start({
      APPOINTMENTS_EXTERNAL_TIMEOUT_MS: '300',
      APPOINTMENTS_EXTERNAL_RETRIES: '1',
      APPOINTMENTS_EXTERNAL_BREAKER_THRESHOLD: '3',
      APPOINTMENTS_EXTERNAL_BREAKER_COOLDOWN_MS: '600000',
    });
    await kit.request(AppointmentSubjects.officeUpsert, zmsOffice('zms-office', 'a'));
    await kit.request(AppointmentSubjects.officeUpsert, zmsOffice('zms-flaky', 'b'));
  });
  afterAll(async () => {
    await kit.dispose();
    await zms.close();
  });

  it('asks the available calendar for the office and services and answers its free starts', async () => {
    const stamp = Date.parse(START) / 1000;
    zms.answerNext('/available-calendar/', {
      status: 200,
      body: {
        startDate: '2027-03-02',
        endDate: '2027-03-03',
        availableDays: [{ time: '2027-03-02', appointmentTimestamps: [stamp + 900, stamp] }, '2027-03-03'],
      },
    });
    const reply = await kit.request(AppointmentSubjects.availability, {
      actor: ACTOR,
      officeIds: ['zms-office'],
      services: [{ serviceId: 'personalausweis', count: 2 }],
      from: '2027-03-02',
      to: '2027-03-03',
    });
    expect(reply.offices[0].days).toEqual([
      { date: '2027-03-02', starts: [START, '2027-03-02T09:15:00.000Z'] },
      { date: '2027-03-03', starts: [] },
    ]);
    const [hit] = zms.hitsOf('/available-calendar/');
    expect(Object.fromEntries(hit.query)).toMatchObject({
      startDate: '2027-03-02',
      endDate: '2027-03-03',
      officeIds: '4711',
      serviceId: '10339028',
      serviceCounts: '2',
    });
  });

  it('answers no bookable day as an empty calendar, not as an error', async () => {
    zms.answerNext('/available-calendar/', FakeZms.error('noAppointmentForThisDay', 404));
    const reply = await kit.request(AppointmentSubjects.availability, {
      actor: ACTOR,
      officeIds: ['zms-office'],
      services: [{ serviceId: 'personalausweis' }],
    });
    expect(reply.offices[0].days).toEqual([]);
  });

  it('reserves, updates, confirms and cancels through the ZMS with its process, handing out d115’s own key', async () => {
    zms.answerNext('/reserve-appointment/', { status: 200, body: process(98765, Date.parse(START) / 1000) });
    const booking = await reserve('zms-office');
    expect(zms.hitsOf('/reserve-appointment/').at(-1)?.body).toEqual({
      officeId: 4711,
      serviceId: [10339028],
      serviceCount: [1],
      timestamp: Date.parse(START) / 1000,
    });
    expect(booking.authKey).not.toBe('zms-key-abc');
    const [row] = await kit.rows(`SELECT external_ref FROM appointments.appointment WHERE id = $1`, [booking.processId]);
    expect(row.external_ref).toEqual({ system: 'zms', processId: 98765, authKey: 'zms-key-abc' });

    const key = { actor: ACTOR, processId: booking.processId, authKey: booking.authKey };
    zms.answerNext('/update-appointment/', { status: 200, body: process(98765, 0) });
    await kit.request(AppointmentSubjects.update, { ...key, name: 'Erika Mustermann', email: 'erika@example.org' });
    expect(zms.hitsOf('/update-appointment/').at(-1)?.body).toEqual({
      processId: 98765,
      authKey: 'zms-key-abc',
      familyName: 'Erika Mustermann',
      email: 'erika@example.org',
    });
    zms.answerNext('/confirm-appointment/', { status: 200, body: { ...process(98765, 0), status: 'confirmed' } });
    expect((await kit.request(AppointmentSubjects.confirm, key)).status).toBe('confirmed');
    zms.answerNext('/cancel-appointment/', { status: 200, body: { ...process(98765, 0), status: 'deleted' } });
    expect((await kit.request(AppointmentSubjects.cancel, key)).status).toBe('cancelled');
    expect(zms.hitsOf('/cancel-appointment/').at(-1)?.body).toEqual({ processId: 98765, authKey: 'zms-key-abc' });
    // The ZMS mails its citizens itself.
    expect(await kit.events(booking.processId)).toEqual(['appointment.reserved', 'appointment.confirmed', 'appointment.cancelled']);
  });

  it('maps the ZMS error bodies to our codes and changes nothing', async () => {
    zms.answerNext('/reserve-appointment/', FakeZms.error('appointmentNotAvailable', 404, 'Der von Ihnen gewählte Termin ist leider nicht mehr verfügbar.'));
    expect(
      (await kit.failure(AppointmentSubjects.reserve, { actor: ACTOR, officeId: 'zms-office', services: [{ serviceId: 'personalausweis' }], start: START }))
        .code,
    ).toBe(AppointmentErrorCode.SLOT_TAKEN);
    const [none] = await kit.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments.appointment WHERE office_id = 'zms-office' AND status = 'reserved'`,
    );
    expect(none.n).toBe(0);

    zms.answerNext('/reserve-appointment/', { status: 200, body: process(98766, Date.parse(START) / 1000) });
    const booking = await reserve('zms-office');
    const key = { actor: ACTOR, processId: booking.processId, authKey: booking.authKey };
    zms.answerNext('/update-appointment/', { status: 200, body: process(98766, 0) });
    await kit.request(AppointmentSubjects.update, { ...key, phone: '+49 381 1234567' });
    zms.answerNext('/confirm-appointment/', FakeZms.error('processNotReservedAnymore', 409));
    expect((await kit.failure(AppointmentSubjects.confirm, key)).code).toBe(AppointmentErrorCode.HOLD_EXPIRED);
    zms.answerNext('/confirm-appointment/', FakeZms.error('captchaVerificationFailed', 400));
    expect((await kit.failure(AppointmentSubjects.confirm, key)).code).toBe(AppointmentErrorCode.EXTERNAL_REJECTED);
    expect((await kit.request(AppointmentSubjects.get, key)).status).toBe('reserved');
  });

  it('gives up on a slow ZMS in time: a read is retried once, a reservation is not, and the breaker then answers at once', async () => {
    zms.answerAlways('/available-calendar/', { status: 200, body: { availableDays: [] }, delayMs: 2000 });
    const started = Date.now();
    const slowRead = await kit.failure(AppointmentSubjects.availability, {
      actor: ACTOR,
      officeIds: ['zms-flaky'],
      services: [{ serviceId: 'personalausweis' }],
    });
    expect(slowRead.code).toBe(AppointmentErrorCode.EXTERNAL_UNAVAILABLE);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(zms.hitsOf('b/available-calendar/')).toHaveLength(2);

    zms.answerNext('/reserve-appointment/', { status: 200, body: process(1, 0), delayMs: 2000 });
    const slowWrite = await kit.failure(AppointmentSubjects.reserve, {
      actor: ACTOR,
      officeId: 'zms-flaky',
      services: [{ serviceId: 'personalausweis' }],
      start: START,
    });
    expect(slowWrite.code).toBe(AppointmentErrorCode.EXTERNAL_UNAVAILABLE);
    expect(zms.hitsOf('b/reserve-appointment/')).toHaveLength(1);

    // Three system failures in a row (two reads, one write) opened the breaker of this ZMS.
    const before = zms.hits.length;
    const open = await kit.failure(AppointmentSubjects.availability, { actor: ACTOR, officeIds: ['zms-flaky'], services: [{ serviceId: 'personalausweis' }] });
    expect(open).toMatchObject({ code: AppointmentErrorCode.EXTERNAL_UNAVAILABLE, message: expect.stringContaining('circuit open') });
    expect(zms.hits.length).toBe(before);
    const [rows] = await kit.rows<{ n: number }>(`SELECT count(*)::int AS n FROM appointments.appointment WHERE office_id = 'zms-flaky'`);
    expect(rows.n).toBe(0);
  });

  it('answers a ZMS that is down for maintenance (503 serviceUnavailable) as unavailable', async () => {
    zms.answerNext('/available-calendar/', FakeZms.error('serviceUnavailable', 503));
    zms.answerNext('/available-calendar/', FakeZms.error('serviceUnavailable', 503));
    const down = await kit.failure(AppointmentSubjects.availability, { actor: ACTOR, officeIds: ['zms-office'], services: [{ serviceId: 'personalausweis' }] });
    expect(down.code).toBe(AppointmentErrorCode.EXTERNAL_UNAVAILABLE);
  });
});
