import { readFileSync } from 'node:fs';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transactions } from '@d115/database';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { CALL_SIGNAL_SINK, CallSignalSink } from '../../../calls/call-signal';
import { CstaEnv } from '../../../config/csta.env';
import { CstaDevicesPlan } from '../calls/csta-devices-plan';
import { CstaIngest } from '../csta-ingest';
import { CstaConnection } from './csta-connection';
import { CstaEndpoint, parseCstaUrls } from './csta-endpoint';

/** How often an instance that does not hold a server's connection checks whether it may take it over. */
const LEAD_RETRY_MS = 5000;

/**
 * Opens the TCP connection to every CSTA server in `TELEPHONY_CSTA_URL` while the service runs.
 * One instance per server connects (a Postgres advisory lock held for the connection's life),
 * so monitors are not doubled and one tracker sees all of a call; another instance takes over
 * when the holder goes away.
 */
@Injectable()
export class CstaClientHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = childLogger('csta');
  private readonly loops: Promise<void>[] = [];
  private readonly connections = new Set<CstaConnection>();
  private readonly wakers = new Set<() => void>();
  private running = false;
  private tlsCa?: string;
  /** How often this instance asked for a server's lock (diagnostics). */
  lockAttempts = 0;

  constructor(
    @Inject(ENV) private readonly env: CstaEnv,
    private readonly transactions: Transactions,
    @Inject(CALL_SIGNAL_SINK) private readonly sink: CallSignalSink,
    private readonly plan: CstaDevicesPlan,
    private readonly ingest: CstaIngest,
  ) {}

  onApplicationBootstrap(): void {
    // Read at start: a CA file that cannot be read stops the service with its name.
    this.tlsCa = this.env.TELEPHONY_CSTA_TLS_CA_FILE ? readFileSync(this.env.TELEPHONY_CSTA_TLS_CA_FILE, 'utf8') : undefined;
    this.running = true;
    for (const endpoint of parseCstaUrls(this.env.TELEPHONY_CSTA_URL)) this.loops.push(this.lead(endpoint));
  }

  /** The telephone systems whose connection this instance holds. */
  get holding(): string[] {
    return [...this.connections].map((connection) => connection.endpoint.pbx);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await Promise.all([...this.connections].map((connection) => connection.stop()));
    await Promise.all(this.loops);
  }

  private async lead(endpoint: CstaEndpoint): Promise<void> {
    while (this.running) {
      const led = await this.transactions
        .session((manager) => this.whileLocked(manager, endpoint))
        .catch((error: unknown) => {
          this.logger.warn({ err: error, pbx: endpoint.pbx }, 'cannot take the CSTA connection lock; retrying');
          return false;
        });
      if (!led) await this.pause(LEAD_RETRY_MS);
    }
  }

  /** Holds the server's lock on this session's connection and runs its CSTA connection until shutdown; false when another instance holds it. */
  private async whileLocked(manager: EntityManager, endpoint: CstaEndpoint): Promise<boolean> {
    this.lockAttempts++;
    const [{ locked }] = await manager.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockName(endpoint)]);
    if (!locked) return false;
    const connection = new CstaConnection(endpoint, this.ingest, this.sink, {
      devices: this.plan.devicesToMonitor,
      keepaliveMs: this.env.TELEPHONY_CSTA_KEEPALIVE_MS,
      maxBackoffMs: this.env.TELEPHONY_CSTA_MAX_BACKOFF_MS,
      sinkRetryMs: 1000,
      tlsCa: this.tlsCa,
      session: {
        applicationId: this.env.TELEPHONY_CSTA_APPLICATION_ID,
        durationS: this.env.TELEPHONY_CSTA_SESSION_S,
        waitMs: this.env.TELEPHONY_CSTA_SESSION_WAIT_MS,
      },
    });
    this.connections.add(connection);
    connection.start();
    // Held until shutdown: the connection reconnects by itself.
    while (this.running) await this.pause(LEAD_RETRY_MS);
    await connection.stop();
    this.connections.delete(connection);
    await manager.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName(endpoint)]).catch(() => undefined);
    return true;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}

function lockName(endpoint: CstaEndpoint): string {
  return `d115-csta:${endpoint.pbx}`;
}
