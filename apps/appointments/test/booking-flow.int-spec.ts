import { AppointmentErrorCode, AppointmentSubjects, ReservationReply } from '@d115/contracts';
import { Scheduler } from '@d115/platform';
import { AppointmentsKit, NOW, testOffice } from './support/appointments-kit';

const ACTOR = 'agent-anna';
const MONDAY_10 = '2027-03-01T09:00:00.000Z'; // 10:00 in Rostock

/** Offices by request; availability; reserve → update → confirm → rebook → cancel; what a wrong key or a late confirmation gets. */
describe('appointments: the booking flow', () => {
  let kit: AppointmentsKit;

  beforeAll(async () => {
    kit = await AppointmentsKit.create();
    await kit.start();
    await kit.request(AppointmentSubjects.officeUpsert, testOffice());
  });
  afterAll(() => kit.dispose());

  const reserve = (start = MONDAY_10, services = [{ serviceId: 'personalausweis' }]) =>
    kit.request(AppointmentSubjects.reserve, { actor: ACTOR, officeId: 'buergeramt-test', services, start, origin: { ticketNumber: '115-2027-000042' } });
  const key = (r: ReservationReply) => ({ actor: ACTOR, processId: r.processId, authKey: r.authKey });
  const startsOn = async (date: string) => {
    const reply = await kit.request(AppointmentSubjects.availability, {
      actor: ACTOR,
      officeIds: ['buergeramt-test'],
      services: [{ serviceId: 'personalausweis' }],
      from: date,
      to: date,
    });
    return reply.offices[0].days[0]?.starts ?? [];
  };

  it('configures an office, audited with the actor', async () => {
    const office = await kit.request(AppointmentSubjects.officeGet, { actor: ACTOR, officeId: 'buergeramt-test' });
    expect(office).toMatchObject({
      counters: 2,
      bookingSystem: 'builtin',
      services: expect.arrayContaining([expect.objectContaining({ serviceId: 'reisepass' })]),
    });
    const audit = await kit.rows(`SELECT actor, action FROM appointments.office_audit WHERE office_id = 'buergeramt-test'`);
    expect(audit).toEqual([{ actor: 'admin-olga', action: 'office-created' }]);
  });

  it('offers the grid inside opening hours after the lead time, without holidays, closing days or weekends', async () => {
    const reply = await kit.request(AppointmentSubjects.availability, {
      actor: ACTOR,
      officeIds: ['buergeramt-test'],
      services: [{ serviceId: 'personalausweis' }],
      from: '2027-03-01',
      to: '2027-03-12',
    });
    const days = reply.offices[0].days;
    // Friday 5 March is a closing day, 8 March Frauentag (MV), weekends are closed.
    expect(days.map((d) => d.date)).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12']);
    // Today from 09:00 (one hour lead time) to the last 15 minutes before 12:00.
    expect(days[0].starts[0]).toBe('2027-03-01T08:00:00.000Z');
    expect(days[0].starts.at(-1)).toBe('2027-03-01T10:45:00.000Z');
    expect(days[1].starts).toHaveLength(16);
  });

  it('sizes a combined appointment by the sum of its services', async () => {
    const reply = await kit.request(AppointmentSubjects.availability, {
      actor: ACTOR,
      officeIds: ['buergeramt-test'],
      services: [{ serviceId: 'personalausweis', count: 2 }, { serviceId: 'reisepass' }],
      from: '2027-03-02',
      to: '2027-03-02',
    });
    expect(reply.offices[0].durationMinutes).toBe(50);
    // 50 minutes take 4 units of 15: the last start is 11:00 local.
    expect(reply.offices[0].days[0].starts.at(-1)).toBe('2027-03-02T10:00:00.000Z');
  });

  it('reserves, takes the citizen data, confirms, and the slot is gone from availability once both counters are taken', async () => {
    const first = await reserve();
    expect(first).toMatchObject({ status: 'reserved', startsAt: MONDAY_10, endsAt: '2027-03-01T09:15:00.000Z', origin: { ticketNumber: '115-2027-000042' } });
    expect(first.authKey).toHaveLength(24);
    expect(await startsOn('2027-03-01')).toContain(MONDAY_10);
    const second = await reserve();
    expect(await startsOn('2027-03-01')).not.toContain(MONDAY_10);

    const updated = await kit.request(AppointmentSubjects.update, { ...key(first), name: 'Erika Mustermann', email: 'Erika@Example.org' });
    expect(updated.citizen).toEqual({ name: 'Erika Mustermann', email: 'erika@example.org' });
    const confirmed = await kit.request(AppointmentSubjects.confirm, key(first));
    expect(confirmed).toMatchObject({ status: 'confirmed', sequence: 0 });
    expect(confirmed.holdUntil).toBeUndefined();
    expect(await kit.events(first.processId)).toEqual(['appointment.reserved', 'appointment.confirmed', 'notification.requested']);

    const [stored] = await kit.rows<{ auth_key_hash: Buffer }>(`SELECT auth_key_hash FROM appointments.appointment WHERE id = $1`, [first.processId]);
    expect(stored.auth_key_hash.toString('utf8')).not.toContain(first.authKey);
    await kit.request(AppointmentSubjects.cancel, key(second));
    expect(await startsOn('2027-03-01')).toContain(MONDAY_10);
  });

  it('refuses a taken slot, a start outside hours, in the past, beyond the horizon and unknown offices or services with codes', async () => {
    await reserve('2027-03-01T09:30:00.000Z');
    await reserve('2027-03-01T09:30:00.000Z');
    const cases: [string, unknown, AppointmentErrorCode][] = [
      ['2027-03-01T09:30:00.000Z', 'personalausweis', AppointmentErrorCode.SLOT_TAKEN],
      ['2027-03-01T09:07:00.000Z', 'personalausweis', AppointmentErrorCode.SLOT_OUTSIDE_HOURS],
      ['2027-03-01T12:00:00.000Z', 'personalausweis', AppointmentErrorCode.SLOT_OUTSIDE_HOURS],
      ['2027-03-05T09:00:00.000Z', 'personalausweis', AppointmentErrorCode.SLOT_OUTSIDE_HOURS],
      ['2027-03-01T10:50:00.000Z', 'gewerbe', AppointmentErrorCode.SLOT_OUTSIDE_HOURS],
      ['2027-02-26T09:00:00.000Z', 'personalausweis', AppointmentErrorCode.SLOT_IN_PAST],
      ['2027-03-01T07:30:00.000Z', 'personalausweis', AppointmentErrorCode.SLOT_IN_PAST],
      ['2027-05-03T08:00:00.000Z', 'personalausweis', AppointmentErrorCode.SLOT_BEYOND_HORIZON],
      ['2027-03-02T09:00:00.000Z', 'unbekannt', AppointmentErrorCode.SERVICE_NOT_OFFERED],
    ];
    for (const [start, serviceId, code] of cases) {
      const error = await kit.failure(AppointmentSubjects.reserve, { actor: ACTOR, officeId: 'buergeramt-test', services: [{ serviceId }], start });
      expect({ start, serviceId, code: error.code }).toEqual({ start, serviceId, code });
    }
    const unknown = await kit.failure(AppointmentSubjects.reserve, { actor: ACTOR, officeId: 'nirgendwo', services: [{ serviceId: 'x' }], start: MONDAY_10 });
    expect(unknown.code).toBe(AppointmentErrorCode.OFFICE_NOT_FOUND);
    const tooMany = await kit.failure(AppointmentSubjects.reserve, {
      actor: ACTOR,
      officeId: 'buergeramt-test',
      services: [{ serviceId: 'gewerbe', count: 2 }],
      start: '2027-03-02T08:00:00.000Z',
    });
    expect(tooMany.code).toBe(AppointmentErrorCode.TOO_MANY_OF_SERVICE);
    const apart = await kit.failure(AppointmentSubjects.reserve, {
      actor: ACTOR,
      officeId: 'buergeramt-test',
      services: [{ serviceId: 'gewerbe' }, { serviceId: 'reisepass' }],
      start: '2027-03-02T08:00:00.000Z',
    });
    expect(apart.code).toBe(AppointmentErrorCode.SERVICES_NOT_COMBINABLE);
    const [count] = await kit.rows<{ n: number }>(`SELECT count(*)::int AS n FROM appointments.appointment WHERE starts_at = '2027-03-01T09:30:00Z'`);
    expect(count.n).toBe(2);
  });

  it('rebooks to another start with the same process id and a higher sequence, then cancels once', async () => {
    const booking = await reserve('2027-03-02T08:00:00.000Z');
    await kit.request(AppointmentSubjects.update, { ...key(booking), phone: '+49 381 1234567' });
    await kit.request(AppointmentSubjects.confirm, key(booking));
    const moved = await kit.request(AppointmentSubjects.rebook, { ...key(booking), start: '2027-03-03T08:15:00.000Z' });
    expect(moved).toMatchObject({ processId: booking.processId, status: 'confirmed', startsAt: '2027-03-03T08:15:00.000Z', sequence: 1 });
    expect(await startsOn('2027-03-02')).toContain('2027-03-02T08:00:00.000Z');

    const cancelled = await kit.request(AppointmentSubjects.cancel, { ...key(booking), reason: 'verhindert' });
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    const again = await kit.failure(AppointmentSubjects.cancel, key(booking));
    expect(again.code).toBe(AppointmentErrorCode.ALREADY_CANCELLED);
    expect(await kit.events(booking.processId)).toEqual(['appointment.reserved', 'appointment.confirmed', 'appointment.rebooked', 'appointment.cancelled']);
  });

  it('wants a contact before confirming and keeps one', async () => {
    const booking = await reserve('2027-03-02T09:00:00.000Z');
    expect((await kit.failure(AppointmentSubjects.confirm, key(booking))).code).toBe(AppointmentErrorCode.CONTACT_REQUIRED);
    expect((await kit.failure(AppointmentSubjects.update, { ...key(booking), name: 'Nur Name' })).code).toBe(AppointmentErrorCode.CONTACT_REQUIRED);
    const [row] = await kit.rows(`SELECT status, citizen_name FROM appointments.appointment WHERE id = $1`, [booking.processId]);
    expect(row).toEqual({ status: 'reserved', citizen_name: null });
  });

  it('answers wrong auth keys with a code, then blocks the booking for every key after five, across requests', async () => {
    const booking = await reserve('2027-03-02T09:15:00.000Z');
    for (let i = 0; i < 4; i++) {
      expect((await kit.failure(AppointmentSubjects.get, { ...key(booking), authKey: 'falscher-schluessel' })).code).toBe(AppointmentErrorCode.WRONG_AUTH_KEY);
    }
    expect((await kit.request(AppointmentSubjects.get, key(booking))).status).toBe('reserved');
    for (let i = 0; i < 5; i++) await kit.failure(AppointmentSubjects.get, { ...key(booking), authKey: 'falscher-schluessel' });
    expect((await kit.failure(AppointmentSubjects.get, key(booking))).code).toBe(AppointmentErrorCode.TOO_MANY_ATTEMPTS);
    const [row] = await kit.rows<{ blocked: boolean }>(
      `SELECT auth_blocked_until > '2027-03-01T07:00:00Z' AS blocked FROM appointments.appointment WHERE id = $1`,
      [booking.processId],
    );
    expect(row.blocked).toBe(true);
  });

  it('lets a hold lapse: the slot is free at once, the sweep expires it, a late confirmation is refused and changes nothing', async () => {
    const booking = await kit.request(AppointmentSubjects.reserve, {
      actor: ACTOR,
      officeId: 'buergeramt-test',
      services: [{ serviceId: 'gewerbe' }],
      start: '2027-03-04T08:00:00.000Z',
      holdMinutes: 5,
    });
    await kit.request(AppointmentSubjects.update, { ...key(booking), email: 'late@example.org' });
    await reserve('2027-03-04T08:00:00.000Z');
    expect(await startsOn('2027-03-04')).not.toContain('2027-03-04T08:00:00.000Z');
    kit.advance(5 * 60_000);
    // No sweep has run: the lapsed hold no longer counts, the other one (15 minutes) still does.
    expect(await startsOn('2027-03-04')).toContain('2027-03-04T08:00:00.000Z');
    const [held] = await kit.rows<{ n: number }>(`SELECT count(*)::int AS n FROM appointments.appointment WHERE status = 'reserved' AND id = $1`, [
      booking.processId,
    ]);
    expect(held.n).toBe(1);
    expect((await kit.failure(AppointmentSubjects.confirm, key(booking))).code).toBe(AppointmentErrorCode.HOLD_EXPIRED);
    expect((await kit.request(AppointmentSubjects.get, key(booking))).status).toBe('expired');
    expect(await kit.sweep()).toBeGreaterThanOrEqual(1);
    expect(await kit.events(booking.processId)).toEqual(['appointment.reserved', 'appointment.expired']);
    const [units] = await kit.rows<{ n: number }>(`SELECT count(*)::int AS n FROM appointments.booked_unit WHERE appointment_id = $1`, [booking.processId]);
    expect(units.n).toBe(0);
  });

  it('forgets the citizen data of bookings that ended longer ago than the retention period, keeping them for figures', async () => {
    const booking = await reserve('2027-03-09T08:00:00.000Z');
    await kit.request(AppointmentSubjects.update, { ...key(booking), name: 'Erika Mustermann', email: 'erika@example.org', phone: '+49 381 1' });
    await kit.request(AppointmentSubjects.confirm, key(booking));
    const forget = () => kit.instances[0].app.get(Scheduler).runNow('forget-citizens');
    kit.setNow(new Date('2027-04-07T09:00:00Z')); // 29 days after the appointment
    await forget();
    expect((await kit.request(AppointmentSubjects.get, key(booking))).citizen.name).toBe('Erika Mustermann');
    kit.setNow(new Date('2027-04-09T09:00:00Z'));
    expect(await forget()).toBeGreaterThanOrEqual(1);
    const [row] = await kit.rows(`SELECT citizen_name, citizen_email, citizen_phone, status FROM appointments.appointment WHERE id = $1`, [booking.processId]);
    expect(row).toEqual({ citizen_name: null, citizen_email: null, citizen_phone: null, status: 'confirmed' });
    kit.setNow(NOW);
  });

  it('records a no-show once the appointment has begun, and counts booked, cancelled and no-shows per office and service', async () => {
    const booking = await reserve('2027-03-10T08:00:00.000Z', [{ serviceId: 'reisepass' }]);
    await kit.request(AppointmentSubjects.update, { ...key(booking), phone: '+49 381 1234567' });
    await kit.request(AppointmentSubjects.confirm, key(booking));
    const noShow = { actor: 'office-olaf', processId: booking.processId, officeId: 'buergeramt-test' };
    expect((await kit.failure(AppointmentSubjects.noShow, noShow)).code).toBe(AppointmentErrorCode.ILLEGAL_STATE);
    expect((await kit.failure(AppointmentSubjects.noShow, { ...noShow, officeId: 'anderes-amt' })).code).toBe(AppointmentErrorCode.NOT_FOUND);
    kit.setNow(new Date('2027-03-10T08:30:00Z'));
    expect((await kit.request(AppointmentSubjects.noShow, noShow)).status).toBe('no_show');
    expect(await kit.events(booking.processId)).toEqual(['appointment.reserved', 'appointment.confirmed', 'appointment.no-show']);
    kit.setNow(NOW);

    const figures = await kit.request(AppointmentSubjects.figures, {
      actor: 'supervisor-sina',
      officeId: 'buergeramt-test',
      from: '2027-03-01',
      to: '2027-03-31',
    });
    expect(figures.rows.find((r) => r.serviceId === 'reisepass')).toEqual({
      officeId: 'buergeramt-test',
      serviceId: 'reisepass',
      booked: 1,
      cancelled: 0,
      noShow: 1,
      meanLeadTimeDays: 9,
    });
    expect(figures.rows.find((r) => r.serviceId === 'personalausweis')).toMatchObject({ booked: 3, cancelled: 1, noShow: 0 });
  });
});
