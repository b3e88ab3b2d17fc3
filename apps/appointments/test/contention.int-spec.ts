import { AppointmentErrorCode, AppointmentSubjects, D115Error } from '@d115/contracts';
import { GetAvailabilityUsecase } from '../src/availability/usecases/get-availability/get-availability.usecase';
import { CancelAppointmentUsecase } from '../src/booking/usecases/cancel-appointment/cancel-appointment.usecase';
import { ReserveAppointmentUsecase } from '../src/booking/usecases/reserve-appointment/reserve-appointment.usecase';
import { AppointmentsKit, NOW, testOffice } from './support/appointments-kit';
import { doubleBookingsSql } from '../src/booking/double-bookings';

const TUESDAY = '2027-03-02';
const LAST = '2027-03-02T09:00:00.000Z';

/** Three service instances on one schema; 50 clients want the last free slot at once. */
describe('appointments: no double booking across instances', () => {
  let kit: AppointmentsKit;

  beforeAll(async () => {
    kit = await AppointmentsKit.create();
    for (let i = 0; i < 3; i++) await kit.start({ DATABASE_POOL_SIZE: '10' });
    await kit.request(AppointmentSubjects.officeUpsert, testOffice({ counters: 1 }));
  });
  afterAll(() => kit.dispose());

  const availableOn = async (date: string) =>
    (
      await kit.request(AppointmentSubjects.availability, {
        actor: 'agent-anna',
        officeIds: ['buergeramt-test'],
        services: [{ serviceId: 'personalausweis' }],
        from: date,
        to: date,
      })
    ).offices[0].days[0]?.starts ?? [];

  it('gives the last slot to exactly one of 50 concurrent reservations spread over three instances', async () => {
    for (const start of (await availableOn(TUESDAY)).filter((s) => s !== LAST)) {
      await kit.request(AppointmentSubjects.reserve, { actor: 'agent-anna', officeId: 'buergeramt-test', services: [{ serviceId: 'personalausweis' }], start });
    }
    expect(await availableOn(TUESDAY)).toEqual([LAST]);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        kit.instances[i % 3].app.get(ReserveAppointmentUsecase).execute({
          actor: `agent-${i}`,
          officeId: 'buergeramt-test',
          services: [{ serviceId: 'personalausweis' }],
          start: LAST,
        }),
      ),
    );
    const winners = outcomes.filter((o) => o.status === 'fulfilled');
    const codes = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as D115Error).code] : []));
    expect(winners).toHaveLength(1);
    expect(codes).toEqual(Array(49).fill(AppointmentErrorCode.SLOT_TAKEN));
    expect(await availableOn(TUESDAY)).toEqual([]);
    const [rows] = await kit.rows<{ n: number }>(`SELECT count(*)::int AS n FROM appointments.appointment WHERE starts_at = $1`, [LAST]);
    expect(rows.n).toBe(1);
  });

  it('never overlaps two bookings at a counter when long and short appointments race for the same morning', async () => {
    const wednesday = (hh: string, mm: string) => `2027-03-03T${hh}:${mm}:00.000Z`;
    const attempts = Array.from({ length: 60 }, (_, i) => ({
      serviceId: i % 3 === 0 ? 'gewerbe' : 'personalausweis',
      start: wednesday(String(7 + Math.floor((i % 12) / 4)).padStart(2, '0'), String((i % 4) * 15).padStart(2, '0')),
    }));
    await Promise.allSettled(
      attempts.map((a, i) =>
        kit.instances[i % 3].app
          .get(ReserveAppointmentUsecase)
          .execute({ actor: 'agent-x', officeId: 'buergeramt-test', services: [{ serviceId: a.serviceId }], start: a.start }),
      ),
    );
    const [booked] = await kit.rows<{ n: number }>(`SELECT count(*)::int AS n FROM appointments.appointment WHERE starts_at::date = '2027-03-03'`);
    expect(booked.n).toBeGreaterThan(3);
    const [doubles] = await kit.rows<{ n: number }>(doubleBookingsSql('appointments'), [NOW]);
    expect(doubles.n).toBe(0);
  });

  it('lets three instances sweep lapsed holds side by side, each hold expired exactly once', async () => {
    const thursday = Array.from({ length: 16 }, (_, i) => new Date(Date.parse('2027-03-04T07:00:00Z') + i * 15 * 60_000).toISOString());
    const held = await Promise.all(
      thursday.map((start) =>
        kit.request(AppointmentSubjects.reserve, {
          actor: 'agent-anna',
          officeId: 'buergeramt-test',
          services: [{ serviceId: 'personalausweis' }],
          start,
          holdMinutes: 1,
        }),
      ),
    );
    kit.advance(60_000);
    const swept = await Promise.all(kit.instances.map((instance) => kit.sweep(instance)));
    expect(swept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(held.length);
    const rows = await kit.rows<{ subject: string; n: number }>(
      `SELECT envelope->>'subject' AS subject, count(*)::int AS n FROM appointments.outbox WHERE subject = 'd115.events.appointments.appointment.expired' GROUP BY 1`,
    );
    for (const booking of held) expect(rows.find((r) => r.subject === `appointment/${booking.processId}`)?.n).toBe(1);
    expect(await availableOn('2027-03-04')).toHaveLength(16);
  });

  it('shows on one instance at once what another booked, freed or let lapse (the kept booked units follow the units version)', async () => {
    const [first, second] = kit.instances;
    const tuesday = '2027-03-09T09:00:00.000Z';
    const query = { actor: 'agent-anna', officeIds: ['buergeramt-test'], services: [{ serviceId: 'personalausweis' }], from: '2027-03-09', to: '2027-03-09' };
    const startsOnFirst = async () => (await first.app.get(GetAvailabilityUsecase).execute(query)).offices[0].days[0]?.starts ?? [];
    const reserve = () =>
      second.app.get(ReserveAppointmentUsecase).execute({
        actor: 'agent-anna',
        officeId: 'buergeramt-test',
        services: [{ serviceId: 'personalausweis' }],
        start: tuesday,
        holdMinutes: 5,
      });
    expect(await startsOnFirst()).toContain(tuesday);
    await reserve();
    expect(await startsOnFirst()).not.toContain(tuesday);
    kit.advance(5 * 60_000); // the hold runs out; nothing is written
    expect(await startsOnFirst()).toContain(tuesday);
    const again = await reserve();
    expect(await startsOnFirst()).not.toContain(tuesday);
    await second.app.get(CancelAppointmentUsecase).execute({ actor: 'agent-anna', processId: again.processId, authKey: again.authKey });
    expect(await startsOnFirst()).toContain(tuesday);
  });
});
