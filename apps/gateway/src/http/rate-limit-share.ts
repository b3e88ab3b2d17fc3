import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { NatsConnection, Subscription } from 'nats';
import { Namespace } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { ENV, NATS_CONNECTION } from '@d115/platform';
import { GatewayEnv } from '../config/gateway.env';
import { CountsReport, RateLimiter } from './rate-limiter';

/** Core NATS (nothing kept): the gateway instances' counts for the rate limits. */
export const RATE_LIMIT_SUBJECT = 'd115.gateway.rate-limits';

/**
 * The rate limits of all gateway instances together: per user, per client address and
 * the citizen status look-ups. Every RATE_LIMIT_SYNC_MS each instance publishes the
 * counts that changed and adds what the others publish, so a user spreading requests over
 * several instances meets the same limit. Without NATS each instance still limits what
 * reaches it.
 */
@Injectable()
export class RateLimits implements OnApplicationBootstrap, OnModuleDestroy {
  readonly perUser: RateLimiter;
  readonly perIp: RateLimiter;
  readonly citizenPerIp: RateLimiter;
  private readonly instance = randomBytes(6).toString('hex');
  private readonly logger = childLogger('rate-limits');
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly namespace: Namespace,
    @Inject(ENV) private readonly env: GatewayEnv,
  ) {
    this.perUser = new RateLimiter(env.RATE_LIMIT_PER_USER);
    this.perIp = new RateLimiter(env.RATE_LIMIT_PER_IP);
    this.citizenPerIp = new RateLimiter(env.RATE_LIMIT_STATUS_PER_IP);
  }

  private get limiters(): Record<string, RateLimiter> {
    return { user: this.perUser, ip: this.perIp, status: this.citizenPerIp };
  }

  onApplicationBootstrap(): void {
    const subject = this.namespace.subject(RATE_LIMIT_SUBJECT);
    this.subscription = this.nc.subscribe(subject, {
      callback: (error, message) => {
        if (error) return;
        try {
          const report = message.json<CountsReport>();
          if (report.instance !== this.instance) this.limiters[report.limiter]?.absorb(report.instance, report.window, report.counts);
        } catch {
          // not a report: ignored
        }
      },
    });
    this.timer = setInterval(() => this.publish(subject), this.env.RATE_LIMIT_SYNC_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.subscription?.unsubscribe();
  }

  private publish(subject: string): void {
    for (const [limiter, rateLimiter] of Object.entries(this.limiters)) {
      const { window, counts } = rateLimiter.changes();
      if (counts.length === 0) continue;
      const report: CountsReport = { instance: this.instance, limiter, window, counts };
      try {
        this.nc.publish(subject, JSON.stringify(report));
      } catch (error) {
        this.logger.warn({ err: error }, 'rate limit counts not shared (NATS unavailable); this instance limits on its own counts');
      }
    }
  }
}
