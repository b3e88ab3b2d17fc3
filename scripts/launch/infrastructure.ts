import { isListening } from '@d115/platform';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startNatsServer } from './nats-server';
import { acceptsPostgres, hasJetStream } from './probes';
import { LaunchSettings } from './settings';

/** A Postgres or NATS the services will use; `stop` when the launcher started it. */
export interface Resolved {
  url: string;
  origin: string;
  stop?: () => Promise<void>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_NATS = 'nats://127.0.0.1:4222';

/**
 * Sandbox: always the embedded Postgres. Otherwise DATABASE_URL, else a local
 * Postgres on 5432, else the embedded one.
 */
export async function resolvePostgres(settings: LaunchSettings, log: (line: string) => void): Promise<Resolved> {
  if (!settings.sandbox) {
    if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, origin: 'DATABASE_URL' };
    if ((await isListening('127.0.0.1', 5432)) && (await acceptsPostgres(LOCAL_POSTGRES))) {
      return { url: LOCAL_POSTGRES, origin: 'local Postgres on 127.0.0.1:5432' };
    }
  }
  return startEmbeddedPostgres(settings.dataDir, settings.embeddedPostgresPort, log);
}

/**
 * Sandbox: always our own nats-server. Otherwise NATS_URL, else a local NATS
 * with JetStream on 4222, else our own nats-server.
 */
export async function resolveNats(settings: LaunchSettings, log: (line: string) => void): Promise<Resolved> {
  if (!settings.sandbox) {
    if (process.env.NATS_URL) return { url: process.env.NATS_URL, origin: 'NATS_URL' };
    if (await isListening('127.0.0.1', 4222)) {
      if (await hasJetStream(LOCAL_NATS)) return { url: LOCAL_NATS, origin: 'local NATS on 127.0.0.1:4222' };
      log('a NATS server on 127.0.0.1:4222 has no JetStream; starting our own');
    }
  }
  return startNatsServer(settings.dataDir, settings.embeddedNatsPort, log);
}
