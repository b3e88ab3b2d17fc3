import { randomBytes } from 'node:crypto';
import { connect, JetStreamManager, NatsConnection } from 'nats';
import { Client } from 'pg';
import { StatefulServiceName } from '@d115/contracts';
import { dropDatabase, provisionDatabase, withCredentials, withDatabase } from '@d115/database';
import { Namespace, STREAMS } from '@d115/messaging';
import { BaseEnv, bootstrapService, RunningService, ServiceDefinition } from '@d115/platform';
import { infrastructure, TestInfrastructure } from './infrastructure';

/**
 * One test file's private world: its own database (with the real per-service
 * roles and schemas) and its own NATS namespace (subjects and streams), so test
 * files run in parallel and repeatedly without seeing each other.
 */
export class TestEnvironment {
  readonly namespace: Namespace;
  private readonly running: RunningService<BaseEnv>[] = [];
  private readonly connections: NatsConnection[] = [];
  private readonly clients: Client[] = [];

  private constructor(
    readonly adminUrl: string,
    readonly natsUrl: string,
    readonly database: string,
    readonly id: string,
  ) {
    this.namespace = new Namespace(`t${id}`);
  }

  /** `on`: other servers than the shared test infrastructure (a test's own Postgres or NATS it may crash). */
  static async create(services: StatefulServiceName[] = [], on: Partial<TestInfrastructure> = {}): Promise<TestEnvironment> {
    const { adminUrl, natsUrl } = { ...infrastructure(), ...on };
    const id = randomBytes(5).toString('hex');
    const env = new TestEnvironment(adminUrl, natsUrl, `d115_test_${id}`, id);
    await provisionDatabase(
      adminUrl,
      env.database,
      services.map((service) => ({ schema: service, role: env.role(service), password: env.role(service) })),
    );
    return env;
  }

  role(service: StatefulServiceName): string {
    return `d115_test_${service}`;
  }

  /** URL with the service's own role, as the service would get in production. */
  databaseUrl(service: StatefulServiceName): string {
    return withCredentials(withDatabase(this.adminUrl, this.database), this.role(service), this.role(service));
  }

  /** URL of this test's database with the admin role, for assertions across schemas. */
  adminDatabaseUrl(): string {
    return withDatabase(this.adminUrl, this.database);
  }

  /** The environment variables a service process would get. */
  serviceEnv(service: string, overrides: Record<string, string> = {}): Record<string, string> {
    const base: Record<string, string> = {
      NATS_URL: this.natsUrl,
      D115_NAMESPACE: this.namespace.prefix,
      OPS_PORT: '0',
      GATEWAY_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SHUTDOWN_TIMEOUT_MS: '5000',
    };
    if (service !== 'gateway') base.DATABASE_URL = this.databaseUrl(service as StatefulServiceName);
    return { ...base, ...overrides };
  }

  /** Starts a service in this process; it is closed by `dispose()`. */
  async start<E extends BaseEnv>(definition: ServiceDefinition<E>, overrides: Record<string, string> = {}): Promise<RunningService<E>> {
    const running = await bootstrapService(definition, this.serviceEnv(definition.service, overrides));
    this.running.push(running as unknown as RunningService<BaseEnv>);
    return running;
  }

  async stop(running: RunningService<BaseEnv> | RunningService<never>): Promise<void> {
    const index = this.running.indexOf(running as RunningService<BaseEnv>);
    if (index >= 0) this.running.splice(index, 1);
    await (running as RunningService<BaseEnv>).app.close();
  }

  async nats(): Promise<NatsConnection> {
    const connection = await connect({ servers: this.natsUrl });
    this.connections.push(connection);
    return connection;
  }

  /** An admin connection to this test's database. */
  async sql(): Promise<Client> {
    const client = new Client({ connectionString: this.adminDatabaseUrl() });
    await client.connect();
    this.clients.push(client);
    return client;
  }

  streamName(key: keyof typeof STREAMS): string {
    return this.namespace.stream(STREAMS[key].name);
  }

  async dispose(): Promise<void> {
    for (const running of this.running.splice(0).reverse()) await running.app.close().catch(() => undefined);
    const nc = await connect({ servers: this.natsUrl });
    try {
      const jsm: JetStreamManager = await nc.jetstreamManager();
      for (const key of Object.keys(STREAMS) as (keyof typeof STREAMS)[]) {
        await jsm.streams.delete(this.streamName(key)).catch(() => undefined);
      }
    } finally {
      await nc.close();
    }
    for (const connection of this.connections.splice(0)) await connection.close().catch(() => undefined);
    for (const client of this.clients.splice(0)) await client.end().catch(() => undefined);
    await dropDatabase(this.adminUrl, this.database);
  }
}
