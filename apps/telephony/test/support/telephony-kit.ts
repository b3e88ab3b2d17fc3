import { Client } from 'pg';
import { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { D115Error, Headers, ReplyOf, RequestOf, RequestSubject } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { Clock, RunningService, Scheduler } from '@d115/platform';
import { codedFailure, OutboxRow, outboxEvents, TestEnvironment } from '@d115/testing';
import { CALL_SIGNAL_SINK, CallSignal, CallSignalSink } from '../../src/calls/call-signal';
import { TelephonyEnv } from '../../src/config/telephony.env';
import { telephonyService } from '../../src/main';

/** A private telephony service (database, namespace), driven over NATS and through its signal sink. */
export class TelephonyKit {
  readonly instances: RunningService<TelephonyEnv>[] = [];

  private constructor(
    readonly env: TestEnvironment,
    readonly sql: Client,
    readonly nc: NatsConnection,
    readonly client: RequestClient,
  ) {}

  static async create(): Promise<TelephonyKit> {
    const env = await TestEnvironment.create(['telephony']);
    const nc = await env.nats();
    return new TelephonyKit(env, await env.sql(), nc, new RequestClient(nc, env.namespace, 10000));
  }

  async start(overrides: Record<string, string> = {}): Promise<RunningService<TelephonyEnv>> {
    const running = await this.env.start(telephonyService, { TELEPHONY_SCHEDULER_ENABLED: 'false', ...overrides });
    this.instances.push(running);
    return running;
  }

  sink(instance = 0): CallSignalSink {
    return this.instances[instance].app.get<symbol, CallSignalSink>(CALL_SIGNAL_SINK);
  }

  accept(...signals: CallSignal[]): Promise<void> {
    return this.sink().accept(signals);
  }

  request<S extends RequestSubject>(subject: S, payload: RequestOf<S>): Promise<ReplyOf<S>> {
    return this.client.request(subject, payload);
  }

  /** The coded error a request fails with (fails the test when it succeeds). */
  failure(subject: string, payload: unknown): Promise<D115Error> {
    return codedFailure(this.client, subject, payload);
  }

  /** Events the service wrote to its outbox, oldest first. */
  events<T = Record<string, unknown>>(subject?: string, about?: string): Promise<OutboxRow<T>[]> {
    return outboxEvents<T>(this.sql, 'telephony', subject, about);
  }

  /** Publishes to an inbound subject as an outside system would: a CloudEvents envelope on JetStream. */
  async publishInbound(subject: string, data: unknown, time = new Date()): Promise<string> {
    const id = randomUUID();
    const envelope = { specversion: '1.0', id, source: '/pbx/test', type: subject, time: time.toISOString(), datacontenttype: 'application/json', data };
    await this.nc.jetstream().publish(this.env.namespace.subject(subject), JSON.stringify(envelope), { msgID: id });
    return id;
  }

  /** Publishes raw bytes (garbage) to a subject. */
  async publishRaw(subject: string, bytes: string): Promise<void> {
    await this.nc.jetstream().publish(this.env.namespace.subject(subject), bytes);
  }

  /** Dead letters so far: the error code and text of each. */
  async deadLetters(): Promise<{ code: string; error: string; data: string }[]> {
    const jsm = await this.nc.jetstreamManager();
    const stream = this.env.streamName('DEADLETTER');
    const info = await jsm.streams.info(stream);
    const letters: { code: string; error: string; data: string }[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq });
      letters.push({ code: message.header.get(Headers.errorCode), error: message.header.get(Headers.error), data: new TextDecoder().decode(message.data) });
    }
    return letters;
  }

  /** The call stored under a pbx's external id. */
  async call(pbx: string, externalCallId: string): Promise<Record<string, unknown> | undefined> {
    const { rows } = await this.sql.query(
      'SELECT c.* FROM telephony.call c JOIN telephony.call_key k ON k.call_id = c.id WHERE k.pbx = $1 AND k.external_call_id = $2',
      [pbx, externalCallId],
    );
    return rows[0];
  }

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
