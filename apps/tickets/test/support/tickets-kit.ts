import { Client } from 'pg';
import { NatsConnection } from 'nats';
import { D115Error, ReplyOf, RequestOf, RequestSubject } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { Clock, RunningService, Scheduler } from '@d115/platform';
import { TestEnvironment } from '@d115/testing';
import { TicketsEnv } from '../../src/config/tickets.env';
import { ticketsService } from '../../src/main';

export interface OutboxEvent<T = Record<string, unknown>> {
  subject: string;
  data: T;
  time: string;
}

/** A private tickets service (database, namespace) driven over NATS, as the gateway would. */
export class TicketsKit {
  readonly instances: RunningService<TicketsEnv>[] = [];

  private constructor(
    readonly env: TestEnvironment,
    readonly sql: Client,
    readonly nc: NatsConnection,
    readonly client: RequestClient,
  ) {}

  static async create(): Promise<TicketsKit> {
    const env = await TestEnvironment.create(['tickets']);
    const nc = await env.nats();
    return new TicketsKit(env, await env.sql(), nc, new RequestClient(nc, env.namespace, 10000));
  }

  async start(overrides: Record<string, string> = {}): Promise<RunningService<TicketsEnv>> {
    const running = await this.env.start(ticketsService, { TICKETS_SCHEDULER_TICK_MS: '100', ...overrides });
    this.instances.push(running);
    return running;
  }

  request<S extends RequestSubject>(subject: S, payload: RequestOf<S>): Promise<ReplyOf<S>> {
    return this.client.request(subject, payload);
  }

  /** The coded error a request fails with (fails the test when it succeeds). */
  async failure(subject: string, payload: unknown): Promise<D115Error> {
    const outcome = await this.client.requestUntyped(subject, payload).then(
      (reply) => new Error(`expected ${subject} to fail, got ${JSON.stringify(reply)}`),
      (error: unknown) => error,
    );
    if (!(outcome instanceof D115Error)) throw outcome;
    return outcome;
  }

  /** Events the service wrote to its outbox, oldest first. */
  async events<T = Record<string, unknown>>(subject?: string, about?: string): Promise<OutboxEvent<T>[]> {
    const { rows } = await this.sql.query(
      `SELECT subject, envelope FROM tickets.outbox
       WHERE ($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR envelope->>'subject' = $2) ORDER BY seq`,
      [subject ?? null, about ?? null],
    );
    return rows.map((row) => ({ subject: row.subject, data: row.envelope.data, time: row.envelope.time }));
  }

  /** Moves every instance's clock (the service's "now"). */
  travelTo(at: Date): void {
    for (const instance of this.instances) instance.app.get(Clock).travelTo(at);
  }

  /** Stops every instance's clock at `at` (exact instants in assertions). */
  freezeAt(at: Date): void {
    for (const instance of this.instances) instance.app.get(Clock).freezeAt(at);
  }

  runJob(name: string, instance = 0): Promise<number> {
    return this.instances[instance].app.get(Scheduler).runNow(name);
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await this.sql.query(sql, params);
    return Number(rows[0].count);
  }

  dispose(): Promise<void> {
    return this.env.dispose();
  }
}

export const AGENT = 'agent-anna';
