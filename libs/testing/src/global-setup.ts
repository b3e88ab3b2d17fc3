import { execSync } from 'node:child_process';
import { Client } from 'pg';
import { connect } from 'nats';
import { ENV_ADMIN_URL, ENV_NATS_URL } from './infrastructure';
// Jest loads the global setup without the path aliases.
import { isListening } from '../../platform/src/net';

/**
 * Resolves real Postgres and NATS (JetStream) for the test run: from
 * DATABASE_URL/NATS_URL, else the local defaults, else containers via
 * testcontainers when a Docker engine answers. Never a mock.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[ENV_ADMIN_URL] && process.env[ENV_NATS_URL]) return;
  let adminUrl = process.env.DATABASE_URL;
  let natsUrl = process.env.NATS_URL;
  if (!adminUrl && (await isListening('127.0.0.1', 5432))) adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!natsUrl && (await isListening('127.0.0.1', 4222))) natsUrl = 'nats://127.0.0.1:4222';
  if ((!adminUrl || !natsUrl) && dockerAvailable()) {
    const started = await startContainers(!adminUrl, !natsUrl);
    adminUrl ??= started.adminUrl;
    natsUrl ??= started.natsUrl;
  }
  if (!adminUrl || !natsUrl) {
    throw new Error(
      'The tests need PostgreSQL and NATS with JetStream. Set DATABASE_URL (a role that may create databases and roles) ' +
        'and NATS_URL, or run them on 127.0.0.1:5432 and 127.0.0.1:4222 (nats-server -js), or install Docker for testcontainers.',
    );
  }
  await checkPostgres(adminUrl);
  await checkJetStream(natsUrl);
  process.env[ENV_ADMIN_URL] = adminUrl;
  process.env[ENV_NATS_URL] = natsUrl;
}

async function checkPostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect().catch((error) => {
    throw new Error(`cannot connect to Postgres at ${redact(url)}: ${error.message}`);
  });
  await client.end();
}

async function checkJetStream(url: string): Promise<void> {
  const nc = await connect({ servers: url }).catch((error) => {
    throw new Error(`cannot connect to NATS at ${url}: ${error.message}`);
  });
  try {
    await (await nc.jetstreamManager()).getAccountInfo();
  } catch (error) {
    throw new Error(`NATS at ${url} has no JetStream (start nats-server with -js): ${(error as Error).message}`);
  } finally {
    await nc.close();
  }
}

function dockerAvailable(): boolean {
  try {
    execSync('docker info', { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function startContainers(postgres: boolean, nats: boolean): Promise<{ adminUrl?: string; natsUrl?: string }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const result: { adminUrl?: string; natsUrl?: string } = {};
  if (postgres) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').withUsername('postgres').withPassword('postgres').start();
    result.adminUrl = container.getConnectionUri();
  }
  if (nats) {
    const container = await new GenericContainer('nats:2.10-alpine')
      .withCommand(['-js'])
      .withExposedPorts(4222)
      .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
      .start();
    result.natsUrl = `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
  }
  // Testcontainers' reaper removes the containers when this process exits.
  return result;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
