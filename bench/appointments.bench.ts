import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppointmentErrorCode, AppointmentSubjects, D115Error, UpsertOfficeRequest } from '@d115/contracts';
import { dropDatabase, provisionDatabase, withCredentials, withDatabase } from '@d115/database';
import { Namespace, RequestClient, STREAMS } from '@d115/messaging';
import { bootstrapService, RunningService } from '@d115/platform';
import { doubleBookingsSql } from '../apps/appointments/src/booking/double-bookings';
import { ReserveAppointmentUsecase } from '../apps/appointments/src/booking/usecases/reserve-appointment/reserve-appointment.usecase';
import { GetAvailabilityUsecase } from '../apps/appointments/src/availability/usecases/get-availability/get-availability.usecase';
import { AppointmentsEnv } from '../apps/appointments/src/config/appointments.env';
import { appointmentsService } from '../apps/appointments/src/main';
import { fixed, percentile } from './support/stats';

interface Options {
  /** Availability requests measured (after 20 warm-up requests). */
  queries: number;
  /** Service instances on the one schema. */
  instances: number;
  /** Reservations attempted in the contention run, and how many at once. */
  reservations: number;
  concurrency: number;
  keepDatabase: boolean;
}

const OFFICE = 'bench-office';
const HOURS = { from: '08:00', to: '18:00' };

function office(): UpsertOfficeRequest {
  return {
    actor: 'system:bench',
    officeId: OFFICE,
    name: 'Bürgeramt Bench',
    address: { street: 'Neuer Markt', houseNumber: '1', postalCode: '18055', city: 'Rostock' },
    ars: '130030000000',
    state: 'MV',
    counters: 5,
    slotMinutes: 15,
    leadTimeMinutes: 0,
    horizonDays: 60,
    openingHours: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, ...HOURS })),
    closingDays: [],
    services: [{ serviceId: 'personalausweis', name: 'Personalausweis beantragen', durationMinutes: 15, maxPerPerson: 3, combinableWith: [] }],
  };
}

/**
 * `npm run bench -- appointments [--queries=300] [--instances=3] [--reservations=400] [--concurrency=24]`
 *
 * One office with 5 counters, Mon–Fri 08:00–18:00 on a 15-minute grid, 60 days ahead, 30 % of
 * its (start × counter) places booked:
 *  1. availability for the whole 60 days (p50/p95, over NATS as a caller sees it, and the use case alone);
 *  2. reservations per second when `concurrency` clients reserve random starts of that one office
 *     across `instances` service instances (they queue on the office's row lock);
 *  3. the contention proof: 50 reservations of the same last place at once across the instances,
 *     then the count of overlapping live bookings at a counter (`double bookings: 0`).
 */
export async function run(args: string[]): Promise<void> {
  const options = parse(args);
  const adminUrl = process.env.D115_TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.D115_TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const id = randomBytes(4).toString('hex');
  const database = `d115_bench_appointments_${id}`;
  const role = 'd115_bench_appointments';
  const password = randomBytes(12).toString('hex');
  const namespace = new Namespace(`bench-appointments-${id}`);
  const instances: RunningService<AppointmentsEnv>[] = [];
  let nc: NatsConnection | undefined;
  let admin: Client | undefined;
  const out = (line: string) => process.stdout.write(`${line}\n`);

  out(`appointments benchmark: 1 office, 5 counters, 60 days, 30 % booked; ${options.instances} instances`);
  await provisionDatabase(adminUrl, database, [{ schema: 'appointments', role, password }]);
  try {
    for (let i = 0; i < options.instances; i++) {
      instances.push(
        await bootstrapService(appointmentsService, {
          NATS_URL: natsUrl,
          D115_NAMESPACE: namespace.prefix,
          DATABASE_URL: withCredentials(withDatabase(adminUrl, database), role, password),
          DATABASE_POOL_SIZE: '10',
          OPS_PORT: '0',
          HTTP_HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          APPOINTMENTS_DEMO_OFFICES: 'false',
          APPOINTMENTS_SCHEDULER_ENABLED: 'false',
        }),
      );
    }
    nc = await connect({ servers: natsUrl, noAsyncTraces: true });
    const client = new RequestClient(nc, namespace, 30000);
    admin = new Client({ connectionString: withDatabase(adminUrl, database) });
    await admin.connect();
    await client.request(AppointmentSubjects.officeUpsert, office());

    const query = { actor: 'system:bench', officeIds: [OFFICE], services: [{ serviceId: 'personalausweis' }] };
    const before = await client.request(AppointmentSubjects.availability, query);
    const places = before.offices[0].days.flatMap((d) => d.starts).flatMap((start) => [1, 2, 3, 4, 5].map((counter) => ({ start, counter })));
    const booked = places.filter((_, i) => i % 10 < 3);
    await fill(admin, booked);
    out(`booked ${booked.length} of ${places.length} places (${fixed((100 * booked.length) / places.length, 0)} %) over ${before.offices[0].days.length} days`);

    // 1. availability
    for (let i = 0; i < 20; i++) await client.request(AppointmentSubjects.availability, query);
    const overNats: number[] = [];
    let starts = 0;
    for (let i = 0; i < options.queries; i++) {
      const t0 = process.hrtime.bigint();
      const reply = await client.request(AppointmentSubjects.availability, query);
      overNats.push(Number(process.hrtime.bigint() - t0) / 1e6);
      starts = reply.offices[0].days.reduce((n, d) => n + d.starts.length, 0);
    }
    // The floor: a small request over the same path (validation, NATS, one indexed read), for what availability adds.
    const floor: number[] = [];
    for (let i = 0; i < options.queries; i++) {
      const t0 = process.hrtime.bigint();
      await client.request(AppointmentSubjects.officeGet, { actor: 'system:bench', officeId: OFFICE });
      floor.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const usecase = instances[0].app.get(GetAvailabilityUsecase);
    const inProcess: number[] = [];
    for (let i = 0; i < options.queries; i++) {
      const t0 = process.hrtime.bigint();
      await usecase.execute(query);
      inProcess.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    out(
      `availability (60 days, ${starts} free starts in the reply) over NATS: p50 ${fixed(percentile(overNats, 50), 2)} ms, p95 ${fixed(percentile(overNats, 95), 2)} ms`,
    );
    out(`availability use case alone: p50 ${fixed(percentile(inProcess, 50), 2)} ms, p95 ${fixed(percentile(inProcess, 95), 2)} ms`);
    out(`floor: one office read over NATS: p50 ${fixed(percentile(floor, 50), 2)} ms, p95 ${fixed(percentile(floor, 95), 2)} ms`);
    out(`availability p95: ${fixed(percentile(overNats, 95), 1)} ms`);

    // 2. reservations under contention
    const free = (await client.request(AppointmentSubjects.availability, query)).offices[0].days.flatMap((d) => d.starts);
    let next = 0;
    let won = 0;
    let taken = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.reservations) {
          const start = free[Math.floor(Math.random() * Math.min(free.length, 200))];
          next++;
          try {
            await client.request(AppointmentSubjects.reserve, { actor: 'system:bench', officeId: OFFICE, services: [{ serviceId: 'personalausweis' }], start });
            won++;
          } catch (error) {
            if ((error as D115Error).code !== AppointmentErrorCode.SLOT_TAKEN) throw error;
            taken++;
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    out(
      `reservations under contention (${options.concurrency} clients, one office, first 200 starts): ${fixed((won + taken) / seconds, 0)} answered/s, ${fixed(won / seconds, 0)} held/s (${won} held, ${taken} SLOT_TAKEN)`,
    );

    // 3. the contention proof
    const remaining = (await client.request(AppointmentSubjects.availability, query)).offices[0].days.flatMap((d) => d.starts);
    const last = remaining[remaining.length - 1];
    await fillAllBut(admin, last);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        instances[i % instances.length].app
          .get(ReserveAppointmentUsecase)
          .execute({ actor: `bench-${i}`, officeId: OFFICE, services: [{ serviceId: 'personalausweis' }], start: last }),
      ),
    );
    const winners = outcomes.filter((o) => o.status === 'fulfilled').length;
    const [doubles] = (await admin.query(doubleBookingsSql('appointments'), [new Date()])).rows as { n: number }[];
    out(`contention proof: 50 reservations of the last place across ${instances.length} instances → ${winners} winner(s)`);
    out(`double bookings: ${doubles.n}`);
  } finally {
    for (const instance of instances) await instance.app.close().catch(() => undefined);
    if (nc) {
      const jsm = await nc.jetstreamManager();
      for (const stream of Object.values(STREAMS)) await jsm.streams.delete(namespace.stream(stream.name)).catch(() => undefined);
      await nc.close();
    }
    await admin?.end();
    if (options.keepDatabase) out(`database kept: ${database}`);
    else await dropDatabase(adminUrl, database);
  }
}

/** Books the given places directly in SQL (confirmed, 15 minutes each): the load, not the thing measured. */
async function fill(admin: Client, places: { start: string; counter: number }[]): Promise<void> {
  await admin.query(
    `WITH p AS (SELECT gen_random_uuid() AS id, s::timestamptz AS s, c FROM unnest($1::text[], $2::int[]) AS x(s, c)),
          a AS (INSERT INTO appointments.appointment (id, office_id, services, starts_at, ends_at, counter, status, auth_key_hash, created_by, created_at, confirmed_at, updated_at)
                SELECT id, $3, '[{"serviceId":"personalausweis","name":"Personalausweis beantragen","count":1}]', s, s + interval '15 minutes', c, 'confirmed', '\\x00', 'system:bench', now(), now(), now() FROM p
                RETURNING id),
          u AS (INSERT INTO appointments.booked_unit (office_id, counter, unit_start, appointment_id) SELECT $3, c, s, id FROM p RETURNING 1)
     -- as the service does it: a change to the units raises the office's units version
     UPDATE appointments.office SET units_version = units_version + 1 WHERE id = $3 AND EXISTS (SELECT 1 FROM u)`,
    [places.map((p) => p.start), places.map((p) => p.counter), OFFICE],
  );
}

/** Leaves exactly one counter free at `start`. */
async function fillAllBut(admin: Client, start: string): Promise<void> {
  const { rows } = await admin.query<{ counter: number }>(`SELECT counter FROM appointments.booked_unit WHERE office_id = $1 AND unit_start = $2`, [
    OFFICE,
    start,
  ]);
  const taken = new Set(rows.map((r) => r.counter));
  const free = [1, 2, 3, 4, 5].filter((c) => !taken.has(c));
  await fill(
    admin,
    free.slice(1).map((counter) => ({ start, counter })),
  );
}

function parse(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.split('=')[1]) : fallback;
  };
  return {
    queries: value('queries', 300),
    instances: value('instances', 3),
    reservations: value('reservations', 400),
    concurrency: value('concurrency', 24),
    keepDatabase: args.includes('--keep-database'),
  };
}
