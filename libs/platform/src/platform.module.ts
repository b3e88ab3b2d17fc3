import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { JetStreamManager, NatsConnection } from 'nats';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { ServiceName } from '@d115/contracts';
import { createServiceDataSource, runMigrations, Transactions } from '@d115/database';
import {
  connectNats,
  DeadLetters,
  ensureStreams,
  MessageValidationPipe,
  Namespace,
  OutboxRelay,
  OutboxSignal,
  OutboxWriter,
  RequestClient,
} from '@d115/messaging';
import { OpsController, READINESS_CHECKS, ReadinessCheck, childLogger } from '@d115/observability';
import { ConsumerHost } from './consumer.host';
import { BaseEnv, ServiceEnv } from './env';
import { ErrorFilter } from './error.filter';
import { PlatformLifecycle } from './lifecycle';
import { createPingController } from './ping.controller';
import { DATA_SOURCE, ENV, JETSTREAM, JETSTREAM_MANAGER, NATS_CONNECTION, SERVICE_INFO, ServiceInfo } from './tokens';

export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export interface PlatformOptions {
  service: ServiceName;
  version: string;
  env: BaseEnv;
  /** Omitted for the stateless gateway. */
  database?: DatabaseOptions;
}

/**
 * Everything a d115 service stands on: validated env, NATS and JetStream
 * streams, request client, its own DataSource with migrations, the transaction
 * helper (`Transactions`, the only database handle use cases get), the outbox and
 * its relay, event consumers, ping, health and metrics, and error mapping.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { env, service } = options;
    const info: ServiceInfo = {
      service,
      version: options.version,
      instance: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
      startedAt: Date.now(),
    };
    const namespace = new Namespace(env.D115_NAMESPACE);

    const providers: Provider[] = [
      { provide: ENV, useValue: env },
      { provide: SERVICE_INFO, useValue: info },
      { provide: Namespace, useValue: namespace },
      { provide: NATS_CONNECTION, useFactory: () => connectNats(env.NATS_URL, `${service}:${info.instance}`) },
      {
        provide: JETSTREAM_MANAGER,
        inject: [NATS_CONNECTION],
        useFactory: async (nc: NatsConnection) => {
          const jsm = await nc.jetstreamManager();
          await ensureStreams(jsm, namespace, env.JETSTREAM_REPLICAS);
          return jsm;
        },
      },
      { provide: JETSTREAM, inject: [NATS_CONNECTION, JETSTREAM_MANAGER], useFactory: (nc: NatsConnection) => nc.jetstream() },
      {
        provide: RequestClient,
        inject: [NATS_CONNECTION],
        useFactory: (nc: NatsConnection) => new RequestClient(nc, namespace, env.REQUEST_TIMEOUT_MS),
      },
      { provide: DeadLetters, inject: [JETSTREAM], useFactory: (js) => new DeadLetters(js, namespace, service) },
      {
        provide: READINESS_CHECKS,
        inject: [NATS_CONNECTION, JETSTREAM_MANAGER, { token: DATA_SOURCE, optional: true }],
        useFactory: (nc: NatsConnection, jsm: JetStreamManager, ds?: DataSource): ReadinessCheck[] => [
          { name: 'nats', isUp: async () => !nc.isClosed() && (await jsm.getAccountInfo()) !== undefined },
          ...(ds ? [{ name: 'database', isUp: async () => ds.isInitialized && (await ds.query('SELECT 1')).length === 1 }] : []),
        ],
      },
      ConsumerHost,
      PlatformLifecycle,
      { provide: APP_FILTER, useClass: ErrorFilter },
      { provide: APP_PIPE, useClass: MessageValidationPipe },
    ];
    const exported: unknown[] = [ENV, SERVICE_INFO, Namespace, NATS_CONNECTION, JETSTREAM, JETSTREAM_MANAGER, RequestClient, READINESS_CHECKS];

    if (options.database) {
      const serviceEnv = env as ServiceEnv;
      const schema = serviceEnv.DATABASE_SCHEMA ?? service;
      const database = options.database;
      const signal = new OutboxSignal();
      providers.push(
        {
          provide: DATA_SOURCE,
          useFactory: async () => {
            const dataSource = createServiceDataSource({
              url: serviceEnv.DATABASE_URL,
              schema,
              applicationName: service,
              entities: database.entities,
              migrations: database.migrations,
              poolSize: serviceEnv.DATABASE_POOL_SIZE,
            });
            await dataSource.initialize();
            dataSource.subscribers.push(signal.subscriber());
            if (serviceEnv.MIGRATE_ON_START) {
              const applied = await runMigrations(dataSource);
              if (applied.length) childLogger('database').info({ applied }, 'migrations applied');
            }
            return dataSource;
          },
        },
        {
          provide: Transactions,
          inject: [DATA_SOURCE],
          useFactory: (dataSource: DataSource) => {
            const logger = childLogger('transactions');
            return new Transactions(dataSource, (err) => logger.warn({ err }, 'after-commit work failed')).attach();
          },
        },
        { provide: OutboxWriter, useValue: new OutboxWriter(schema, `/d115/${service}`, signal) },
        {
          provide: OutboxRelay,
          inject: [JETSTREAM, NATS_CONNECTION],
          useFactory: (js, nats: NatsConnection) => new OutboxRelay(js, namespace, { databaseUrl: serviceEnv.DATABASE_URL, schema, nats }, signal),
        },
      );
      exported.push(DATA_SOURCE, Transactions, OutboxWriter, OutboxRelay);
    }

    return {
      module: PlatformModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [OpsController, createPingController(service)],
      providers,
      exports: exported as DynamicModule['exports'],
    };
  }
}
