import { Client } from 'pg';
import { NatsConnection } from 'nats';
import { D115Error, ReplyOf, RequestOf, RequestSubject, UpsertOfficeRequest } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { Clock, RunningService, Scheduler } from '@d115/platform';
import { requestFailure, TestEnvironment } from '@d115/testing';
import { AppointmentsEnv } from '../../src/config/appointments.env';
import { appointmentsService } from '../../src/main';

/** Monday 1 March 2027, 08:00 in Rostock (CET): "now" in the tests. */
export const NOW = new Date('2027-03-01T07:00:00Z');

/** A test office: Mon–Fri 08:00–12:00, 2 counters, 15-minute grid, one hour lead time, 60 days ahead. */
export function testOffice(overrides: Partial<UpsertOfficeRequest> = {}): UpsertOfficeRequest {
  const morning = { from: '08:00', to: '12:00' };
  return {
    actor: 'admin-olga',
    officeId: 'buergeramt-test',
    name: 'Bürgeramt Test',
    address: { street: 'Neuer Markt', houseNumber: '3', postalCode: '18055', city: 'Rostock' },
    ars: '130030000000',
    state: 'MV',
    email: 'buergeramt@example.org',
    counters: 2,
    slotMinutes: 15,
    leadTimeMinutes: 60,
    horizonDays: 60,
    openingHours: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, ...morning })),
    closingDays: [{ date: '2027-03-05', name: 'Betriebsausflug' }],
    services: [
      {
        serviceId: 'personalausweis',
        name: 'Personalausweis beantragen',
        leikaKey: '99115001000000',
        durationMinutes: 15,
        maxPerPerson: 3,
        combinableWith: ['reisepass'],
      },
      { serviceId: 'reisepass', name: 'Reisepass beantragen', durationMinutes: 20, maxPerPerson: 3, combinableWith: [] },
      { serviceId: 'gewerbe', name: 'Gewerbe anmelden', durationMinutes: 30, maxPerPerson: 1, combinableWith: [] },
    ],
    ...overrides,
  };
}

/** Private appointments service instances (database, namespace) driven over NATS, with their clocks frozen at NOW. */
export class AppointmentsKit {
  readonly instances: RunningService<AppointmentsEnv>[] = [];

  private constructor(
    readonly env: TestEnvironment,
    readonly sql: Client,
    readonly nc: NatsConnection,
    readonly client: RequestClient,
  ) {}

  static async create(services: ('appointments' | 'mail' | 'tickets')[] = ['appointments']): Promise<AppointmentsKit> {
    const env = await TestEnvironment.create(services);
    const nc = await env.nats();
    return new AppointmentsKit(env, await env.sql(), nc, new RequestClient(nc, env.namespace, 15000));
  }

  /** Starts one more instance on the same schema; the scheduler is off unless asked for. */
  async start(overrides: Record<string, string> = {}): Promise<RunningService<AppointmentsEnv>> {
    const running = await this.env.start(appointmentsService, { APPOINTMENTS_DEMO_OFFICES: 'false', APPOINTMENTS_SCHEDULER_ENABLED: 'false', ...overrides });
    running.app.get(Clock).freezeAt(this.now);
    this.instances.push(running);
    return running;
  }

  private now = NOW;

  /** Moves every instance's clock. */
  setNow(at: Date): void {
    this.now = at;
    for (const instance of this.instances) instance.app.get(Clock).freezeAt(at);
  }

  advance(ms: number): void {
    this.setNow(new Date(this.now.getTime() + ms));
  }

  sweep(instance = this.instances[0]): Promise<number> {
    return instance.app.get(Scheduler).runNow('hold-expiry');
  }

  request<S extends RequestSubject>(subject: S, payload: RequestOf<S>): Promise<ReplyOf<S>> {
    return this.client.request(subject, payload);
  }

  /** The coded error a request fails with (fails the test when it succeeds). */
  failure(subject: string, payload: unknown): Promise<D115Error> {
    return requestFailure(this.client, subject, payload);
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.sql.query(sql, params)).rows as T[];
  }

  /** Event subjects in the outbox about an appointment, oldest first. */
  async events(processId: string): Promise<string[]> {
    const rows = await this.rows<{ subject: string }>(`SELECT subject FROM appointments.outbox WHERE envelope->>'subject' = $1 ORDER BY seq`, [
      `appointment/${processId}`,
    ]);
    return rows.map((r) => r.subject.replace('d115.events.appointments.', ''));
  }

  dispose(): Promise<void> {
    return this.env.dispose();
  }
}
