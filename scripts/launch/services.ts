import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SERVICE_NAMES, ServiceName, StatefulServiceName } from '@d115/contracts';
import { Layout } from '../provisioning';
import { prefixer } from './log-format';

export type OpsPorts = Record<Exclude<ServiceName, 'gateway'>, number>;

/** Ops ports: OPS_PORT_BASE + 1 … + 5 (3101–3105 by default). */
export function opsPorts(env: Record<string, string | undefined>): OpsPorts {
  const base = Number(env.OPS_PORT_BASE ?? 3100);
  return { telephony: base + 1, mail: base + 2, tickets: base + 3, knowledge: base + 4, appointments: base + 5 };
}

export interface ServiceLaunch {
  root: string;
  natsUrl: string;
  layout: Layout;
  opsPorts: OpsPorts;
  color: boolean;
  /** Where the gateway keeps the embedded default's signing key (as `npm run token` reads it). */
  dataDir?: string;
}

/** A function that starts one process of `service` with its own database role, its ops port and prefixed logs. */
/**
 * V8's heap limit for each service. Node sizes the heap from the machine's memory (4 GB on
 * 24 GB) and lets garbage pile up to several times the live data before collecting; with a
 * limit the mail service peaks at about 150 MB RSS under its benchmark instead of 260 MB.
 * NODE_OPTIONS with its own --max-old-space-size wins. The containers set the same limit.
 */
export const SERVICE_HEAP_MB = 256;

export function serviceLauncher(service: ServiceName, { root, natsUrl, layout, opsPorts, color, dataDir }: ServiceLaunch): () => ChildProcess {
  const index = SERVICE_NAMES.indexOf(service);
  const width = Math.max(...SERVICE_NAMES.map((name) => name.length));
  const format = prefixer(service, index, width, color);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NATS_URL: natsUrl,
    HTTP_HOST: process.env.HTTP_HOST ?? '127.0.0.1',
    DATABASE_URL: service === 'gateway' ? undefined : layout.services[service as StatefulServiceName].url,
  };
  if (service !== 'gateway') env.OPS_PORT = String(opsPorts[service]);
  if (service === 'gateway' && dataDir) env.D115_DATA_DIR = dataDir;
  const main = join(root, 'dist', 'apps', service, 'src', 'main.js');
  const heap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${SERVICE_HEAP_MB}`];
  const guard = join(__dirname, 'orphan-guard.js');
  return () => {
    // Its own process group: a Ctrl-C in the terminal reaches the launcher only, which stops the services
    // first and Postgres and NATS after them. The IPC channel is for the orphan guard only.
    const child = spawn(process.execPath, [...heap, '--require', guard, main], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${format(line)}\n`));
    }
    return child;
  };
}
