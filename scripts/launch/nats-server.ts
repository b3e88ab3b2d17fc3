import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { LaunchError } from './errors';
import { OwnedProcess } from './owned-process';
import { assertPortFree, hasJetStream } from './probes';
import type { Resolved } from './infrastructure';

/** Debian installs nats-server to /usr/sbin, which an ordinary user's PATH often lacks. */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];
const READY_TIMEOUT_MS = 15_000;

/** NATS_SERVER_BIN, else `nats-server` on PATH or in the system folders; undefined when there is none. */
export function findNatsServer(env: Record<string, string | undefined>): string | undefined {
  if (env.NATS_SERVER_BIN) {
    if (isExecutable(env.NATS_SERVER_BIN)) return env.NATS_SERVER_BIN;
    throw new LaunchError(
      `NATS_SERVER_BIN is ${env.NATS_SERVER_BIN}, which is not an executable file`,
      'Point it at the nats-server binary, or unset it to search PATH and /usr/sbin',
    );
  }
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...SYSTEM_DIRS];
  return dirs.map((dir) => join(dir, 'nats-server')).find(isExecutable);
}

/** Starts nats-server with JetStream on 127.0.0.1:`port`, its store in `<dataDir>/nats`. */
export async function startNatsServer(dataDir: string, port: number, log: (line: string) => void): Promise<Resolved> {
  const binary = findNatsServer(process.env);
  if (!binary) {
    throw new LaunchError(
      'No NATS found: nats-server is neither on PATH nor in /usr/sbin',
      'Install it (Debian: apt-get install nats-server; or a release binary on PATH), point NATS_SERVER_BIN at it, ' +
        'or set NATS_URL to a NATS with JetStream',
    );
  }
  await assertPortFree(port, 'EMBEDDED_NATS_PORT', 'nats-server');
  const store = join(dataDir, 'nats');
  mkdirSync(store, { recursive: true });
  log(`starting ${binary} with JetStream on 127.0.0.1:${port} (store ${store})`);
  const server = OwnedProcess.start('nats-server', binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store]);
  const url = `nats://127.0.0.1:${port}`;
  await server.waitUntil(
    () => hasJetStream(url),
    READY_TIMEOUT_MS,
    (reason) =>
      new LaunchError(
        reason,
        /address already in use/i.test(server.output)
          ? `Port ${port} is taken: stop what listens there or choose another with EMBEDDED_NATS_PORT`
          : 'Fix what it reports, or set NATS_URL to a NATS with JetStream',
      ),
  );
  return { url, origin: `nats-server on 127.0.0.1:${port} (${store}, pid ${server.pid})`, stop: () => server.stop('SIGTERM', 10_000) };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
