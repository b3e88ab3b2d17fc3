import { isAbsolute, join, resolve } from 'node:path';

/** What the launcher was asked to do, read once from the environment and the command line. */
export interface LaunchSettings {
  /** Sandbox: embedded Postgres and our own nats-server even when local servers answer. */
  sandbox: boolean;
  /** Where the embedded Postgres cluster and the NATS store live. */
  dataDir: string;
  embeddedPostgresPort: number;
  embeddedNatsPort: number;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);

export function launchSettings(env: Record<string, string | undefined>, argv: readonly string[], root: string): LaunchSettings {
  const dataDir = env.D115_DATA_DIR ? resolveFrom(root, env.D115_DATA_DIR) : join(root, '.data');
  return {
    sandbox: argv.includes('--embedded') || TRUE.has((env.D115_EMBEDDED ?? '').toLowerCase()),
    dataDir,
    embeddedPostgresPort: port(env, 'EMBEDDED_POSTGRES_PORT', 54329),
    embeddedNatsPort: port(env, 'EMBEDDED_NATS_PORT', 4223),
  };
}

function resolveFrom(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

function port(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a TCP port (1-65535), got "${text}"`);
  }
  return value;
}
