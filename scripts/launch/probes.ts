import { connect } from 'nats';
import { Client } from 'pg';
import { isListening } from '@d115/platform';
import { LaunchError } from './errors';

/** True when Postgres at `url` takes a connection and answers a query. */
export async function acceptsPostgres(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when the NATS server at `url` answers with JetStream enabled. */
export async function hasJetStream(url: string): Promise<boolean> {
  try {
    const nc = await connect({ servers: url, timeout: 2000 });
    try {
      await (await nc.jetstreamManager()).getAccountInfo();
      return true;
    } finally {
      await nc.close();
    }
  } catch {
    return false;
  }
}

/**
 * Before we start a server on a port: something already answering there
 * would pass our readiness probe in place of the server we started.
 */
export async function assertPortFree(port: number, variable: string, what: string): Promise<void> {
  if (await isListening('127.0.0.1', port)) {
    throw new LaunchError(
      `Port ${port} on 127.0.0.1, wanted for ${what}, is already in use`,
      `Stop what listens there or choose another port with ${variable}`,
    );
  }
}
