import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JetStreamClient, JetStreamManager } from 'nats';
import { DataSource } from 'typeorm';
import {
  ConsumerRunner,
  ConsumerSettings,
  DEFAULT_CONSUMER_SETTINGS,
  DeadLetters,
  EVENT_CONSUMER,
  EventConsumerOptions,
  EventHandler,
  Namespace,
} from '@d115/messaging';
import { ServiceEnv } from './env';
import { DATA_SOURCE, ENV, JETSTREAM, JETSTREAM_MANAGER, SERVICE_INFO, ServiceInfo } from './tokens';

/** Finds every `@EventConsumer` provider of the service and runs it until shutdown. */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runners: ConsumerRunner[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly namespace: Namespace,
    private readonly deadLetters: DeadLetters,
    @Inject(ENV) private readonly env: ServiceEnv,
    @Inject(SERVICE_INFO) private readonly info: ServiceInfo,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    @Optional() @Inject(DATA_SOURCE) private readonly dataSource?: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const options = this.reflector.get<EventConsumerOptions | undefined>(EVENT_CONSUMER, wrapper.metatype);
      if (!options) continue;
      if (!this.dataSource) throw new Error(`${wrapper.name}: event consumers need the service's database`);
      if (!/^[a-z0-9-]+$/.test(options.durable)) throw new Error(`${wrapper.name}: durable "${options.durable}" must be kebab-case`);
      const runner = new ConsumerRunner(
        {
          js: this.js,
          jsm: this.jsm,
          dataSource: this.dataSource,
          namespace: this.namespace,
          service: this.info.service,
          deadLetters: this.deadLetters,
        },
        wrapper.instance as EventHandler,
        options,
        this.settings(),
      );
      await runner.start();
      this.runners.push(runner);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  private settings(): ConsumerSettings {
    return {
      maxDeliver: this.env.CONSUMER_MAX_DELIVER,
      backoffMs: this.env.CONSUMER_BACKOFF_MS.split(',').map(Number),
      batchSize: this.env.CONSUMER_BATCH_SIZE,
      ackWaitMs: this.env.CONSUMER_ACK_WAIT_MS,
      maxAckPending: DEFAULT_CONSUMER_SETTINGS.maxAckPending,
      probeIntervalMs: DEFAULT_CONSUMER_SETTINGS.probeIntervalMs,
    };
  }
}
