import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { DATA_SOURCE, NATS_CONNECTION } from './tokens';

/**
 * Starts the outbox relay and, on shutdown (after consumers and request
 * handlers have stopped), flushes the outbox, drains NATS and closes the pool —
 * in that order, so nothing committed is left unpublished.
 */
@Injectable()
export class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = childLogger('lifecycle');

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Optional() private readonly relay?: OutboxRelay,
    @Optional() @Inject(DATA_SOURCE) private readonly dataSource?: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay?.start();
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'shutting down');
    await this.relay?.stop();
    if (!this.nats.isClosed()) await this.nats.drain().catch((error) => this.logger.warn({ err: error }, 'NATS drain failed'));
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    this.logger.info('shut down');
  }
}
