import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { Transactions } from '@d115/database';
import { MailEnv } from '../config/mail.env';
import { OutboundRepository } from './outbound.repository';
import { SmtpRelay } from './smtp-relay';
import { DeliverOutboundUsecase } from './usecases/deliver-outbound/deliver-outbound.usecase';

const BATCH = 20;
/** A mail being sent is re-tried by any instance after this long (its sender died). */
const LEASE_MS = 5 * 60 * 1000;

/**
 * Works the outbound queue while the service runs: claims due mails, sends
 * them through the relay, sleeps MAIL_OUTBOUND_POLL_MS when nothing is due.
 * Without SMTP_RELAY_URL mail stays queued (and is sent once a relay is configured).
 */
@Injectable()
export class OutboundWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = childLogger('outbound');
  private relay?: SmtpRelay;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly transactions: Transactions,
    @Inject(ENV) private readonly env: MailEnv,
    private readonly repository: OutboundRepository,
    private readonly deliver: DeliverOutboundUsecase,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.SMTP_RELAY_URL) {
      this.logger.warn('SMTP_RELAY_URL is not set: acknowledgments and replies are queued but not sent');
      return;
    }
    this.relay = new SmtpRelay(this.env.SMTP_RELAY_URL);
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.relay?.close();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        const due = await this.transactions.run((manager) => this.repository.claimDue(manager, BATCH, LEASE_MS));
        claimed = due.length;
        await Promise.all(
          due.map((mail) =>
            this.deliver.execute(this.relay!, mail).catch((error) => this.logger.error({ err: error, outboundId: mail.id }, 'delivery failed unexpectedly')),
          ),
        );
      } catch (error) {
        this.logger.error({ err: error }, 'outbound queue pass failed');
      }
      if (claimed < BATCH) await this.sleep(this.env.MAIL_OUTBOUND_POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
