import { Client } from 'pg';
import { headers as natsHeaders, JetStreamClient, NatsConnection, PubAck, Status } from 'nats';
import { Headers } from '@d115/contracts';
import { childLogger, metrics } from '@d115/observability';
import { Namespace } from '../nats/namespace';
import { outboxChannel } from './outbox.migration';
import { OutboxSignal } from './outbox.signal';

export interface OutboxRelayOptions {
  databaseUrl: string;
  schema: string;
  batchSize?: number;
  /** Poll even without a notification, as a safety net (ms). */
  pollIntervalMs?: number;
  /** Published rows are deleted after this long (ms). */
  retentionMs?: number;
  /**
   * The connection `js` publishes on. Watched: while it is down nothing is
   * published (the client would buffer it and discard it on reconnect), and on
   * reconnect the unsent rows are published at once.
   */
  nats?: NatsConnection;
}

/** The connection to NATS dropped while a batch was in flight; its acks will not come. */
class PublishInterrupted extends Error {
  constructor() {
    super('NATS connection lost while publishing; the batch is republished on reconnect');
  }
}

/** JetStream refused or did not confirm a publish (e.g. no responders right after a server restart). */
class PublishFailed extends Error {
  constructor(cause: unknown) {
    super(`JetStream publish failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

interface OutboxRow {
  seq: string;
  id: string;
  subject: string;
  /** The envelope as stored, sent as is (no parse and re-serialise per event). */
  envelope: string;
  correlation_id: string | null;
}

/**
 * Publishes committed outbox rows to JetStream in sequence order, with the event
 * id as `Nats-Msg-Id`. One relay per schema is active at a time (advisory lock).
 * It is woken in-process when its own service instance commits outbox rows
 * (OutboxSignal); other instances forward their commits to it with one
 * coalesced NOTIFY at most every few milliseconds. A crash between publishing and
 * marking as sent re-publishes on restart: JetStream drops the duplicate within
 * its window, and consumers' inboxes drop it after that.
 *
 * NATS outages: the relay watches the connection's status. On a disconnect it
 * stops publishing and gives up the batch in flight (its rows stay unsent); on
 * reconnect it reads the unsent rows again and republishes them at once under
 * the same message ids. Publish timeouts are never the way back.
 */
export class OutboxRelay {
  private readonly logger = childLogger('outbox-relay');
  private client?: Client;
  private running = false;
  private leader = false;
  private wake?: () => void;
  private pendingWake = false;
  private loop?: Promise<void>;
  private lastCleanup = 0;
  private failures = 0;

  private notifyScheduled = false;
  private notifyPending = false;
  private unsubscribe?: () => void;

  private natsUp = true;
  private natsBack?: { promise: Promise<void>; release: () => void };
  private interrupt?: () => void;
  private statusWatch?: AsyncIterable<Status> & { stop?: () => void };

  constructor(
    private readonly js: JetStreamClient,
    private readonly namespace: Namespace,
    private readonly options: OutboxRelayOptions,
    private readonly signal?: OutboxSignal,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.unsubscribe = this.signal?.onCommit(() => this.committed());
    if (this.options.nats) void this.watch(this.options.nats);
    this.loop = this.run();
  }

  private async watch(nc: NatsConnection): Promise<void> {
    this.statusWatch = nc.status();
    for await (const status of this.statusWatch) {
      if (status.type === 'disconnect') {
        this.natsUp = false;
        this.natsBack ??= opened();
        this.interrupt?.();
      } else if (status.type === 'reconnect') {
        this.natsUp = true;
        this.natsBack?.release();
        this.natsBack = undefined;
        this.logger.info({ schema: this.options.schema }, 'NATS is back; republishing the unsent outbox at once');
      }
    }
  }

  /** Resolves at once while NATS is connected, else when it reconnects (or the relay stops). */
  private natsConnected(): Promise<void> {
    return this.natsUp || !this.natsBack ? Promise.resolve() : this.natsBack.promise;
  }

  /** This process committed outbox rows: publish them, or tell the active relay. */
  private committed(): void {
    if (this.leader) {
      if (this.wake) this.wake();
      else this.pendingWake = true;
      return;
    }
    this.notifyPending = true;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setTimeout(() => {
      this.notifyScheduled = false;
      void this.forwardNotify();
    }, 5);
  }

  /** One NOTIFY for all commits since the last; sent once connected if we are not yet. */
  private async forwardNotify(): Promise<void> {
    if (!this.notifyPending || !this.client) return;
    this.notifyPending = false;
    await this.client.query('SELECT pg_notify($1, $2)', [outboxChannel(this.options.schema), '']).catch(() => {
      this.notifyPending = true;
    });
  }

  /** Publishes what is committed right now, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    this.natsBack?.release();
    await this.loop;
    this.statusWatch?.stop?.();
    if (this.leader && this.client) await this.drain().catch((error) => this.logger.error({ err: error }, 'final flush failed'));
    await this.disconnect();
  }

  get isLeader(): boolean {
    return this.leader;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.ensureConnected();
        if (!this.leader) await this.tryLead();
        if (this.leader) await this.drain();
        this.cleanup();
        this.failures = 0;
      } catch (error) {
        if (error instanceof PublishInterrupted) {
          this.logger.warn({ schema: this.options.schema }, error.message);
          continue; // the next pass waits for the reconnect
        }
        this.failures++;
        this.logger.error({ err: error, failures: this.failures }, 'outbox relay pass failed; retrying');
        this.pendingWake = false;
        if (error instanceof PublishFailed) {
          // The database connection is fine: keep it (and the leadership), retry soon.
          await this.sleep(Math.min(100 * this.failures, 1000));
          continue;
        }
        await this.disconnect();
        // A connection attempt at most every second while the database is away; stop() still wakes us.
        await this.sleep(Math.min(250 * this.failures, 1000));
        continue;
      }
      await this.sleep(this.leader ? (this.options.pollIntervalMs ?? 1000) : 5000);
    }
  }

  private async ensureConnected(): Promise<void> {
    if (this.client) return;
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.schema}-outbox-relay` });
    client.on('error', (error) => this.logger.warn({ err: error }, 'relay database connection error'));
    client.on('notification', () => {
      if (this.wake) this.wake();
      else this.pendingWake = true;
    });
    await client.connect();
    await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
    this.client = client;
    void this.forwardNotify();
  }

  private async tryLead(): Promise<void> {
    const { rows } = await this.client!.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`d115:outbox:${this.options.schema}`]);
    this.leader = rows[0].locked === true;
    if (this.leader) this.logger.info({ schema: this.options.schema }, 'outbox relay is active for this schema');
  }

  /** Publishes batches until nothing committed is left. */
  async drain(): Promise<number> {
    const batchSize = this.options.batchSize ?? 500;
    let total = 0;
    for (;;) {
      await this.natsConnected();
      const { rows } = await this.client!.query<OutboxRow>(
        `SELECT seq, id, subject, envelope::text AS envelope, envelope->>'correlationid' AS correlation_id FROM ${this.options.schema}.outbox
         WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [batchSize],
      );
      if (rows.length === 0) break;
      await this.publish(rows);
      await this.client!.query(`UPDATE ${this.options.schema}.outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((row) => row.seq)]);
      metrics.outboxPublished.inc(rows.length);
      total += rows.length;
      if (rows.length < batchSize) break;
    }
    metrics.outboxPending.set(0);
    return total;
  }

  /**
   * Sends the batch pipelined (in order on one connection) and waits for every
   * ack, unless the connection drops first: then the batch is given up at once.
   */
  private async publish(rows: OutboxRow[]): Promise<void> {
    let interrupt!: () => void;
    const interrupted = new Promise<'interrupted'>((resolve) => (interrupt = () => resolve('interrupted')));
    this.interrupt = interrupt;
    if (!this.natsUp) interrupt();
    try {
      const acks: Promise<PubAck>[] = [];
      for (const row of rows) {
        const h = natsHeaders();
        if (row.correlation_id) h.set(Headers.correlationId, row.correlation_id);
        const ack = this.js.publish(this.namespace.subject(row.subject), row.envelope, { msgID: row.id, headers: h });
        ack.catch(() => undefined); // an abandoned batch's acks settle later, unobserved
        acks.push(ack);
      }
      const outcome = await Promise.race([Promise.all(acks).catch((error) => Promise.reject(new PublishFailed(error))), interrupted]);
      if (outcome === 'interrupted') throw new PublishInterrupted();
    } finally {
      this.interrupt = undefined;
    }
  }

  private cleanup(): void {
    const retentionMs = this.options.retentionMs ?? 7 * 24 * 3600 * 1000;
    if (!this.leader || !this.client || Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    this.client
      .query(`DELETE FROM ${this.options.schema}.outbox WHERE published_at < now() - ($1::bigint * interval '1 millisecond')`, [retentionMs])
      .catch((error) => this.logger.warn({ err: error }, 'outbox cleanup failed'));
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    if (client) await client.end().catch(() => undefined);
  }
}

function opened(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}
