import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SERVICE_NAMES, ServiceName, StatefulServiceName } from '@d115/contracts';
import { provisionDatabase } from '@d115/database';
import { databaseLayout } from '../provisioning';
import { resolveNats, resolvePostgres, Resolved } from './infrastructure';
import { prefixer } from './log-format';

const root = join(__dirname, '..', '..', '..');
const color = process.stdout.isTTY === true;
const say = (line: string) => process.stdout.write(`${color ? '\x1b[1m' : ''}d115${color ? '\x1b[0m' : ''}  ${line}\n`);

/** Ops ports: OPS_PORT_BASE + 1 … + 5 (3101–3105 by default). */
const base = Number(process.env.OPS_PORT_BASE ?? 3100);
const OPS_PORTS: Record<Exclude<ServiceName, 'gateway'>, number> = {
  telephony: base + 1,
  mail: base + 2,
  tickets: base + 3,
  knowledge: base + 4,
  appointments: base + 5,
};

/**
 * `npm start`: finds or starts Postgres and NATS, provisions the per-service
 * roles and schemas, starts the six services with prefixed logs, and stops
 * everything cleanly on Ctrl-C.
 */
async function main(): Promise<void> {
  const stoppers: Resolved[] = [];
  const children = new Map<ServiceName, ChildProcess>();
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping all services …');
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    for (const resolved of stoppers.reverse()) await resolved.stop?.().catch(() => undefined);
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  let postgres: Resolved;
  let nats: Resolved;
  try {
    postgres = await resolvePostgres(root, say);
    stoppers.push(postgres);
    nats = await resolveNats(root, say);
    stoppers.push(nats);
  } catch (error) {
    say(`cannot start: ${(error as Error).message}`);
    await shutdown(1);
    return;
  }
  say(`Postgres: ${postgres.origin}`);
  say(`NATS:     ${nats.origin}`);

  const layout = databaseLayout(process.env, postgres.url);
  await provisionDatabase(postgres.url, layout.database, Object.values(layout.services));
  say(`database "${layout.database}" ready: one schema and role per service`);

  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 3000);
  const width = Math.max(...SERVICE_NAMES.map((s) => s.length));
  SERVICE_NAMES.forEach((service, index) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      NATS_URL: nats.url,
      HTTP_HOST: process.env.HTTP_HOST ?? '127.0.0.1',
      DATABASE_URL: service === 'gateway' ? undefined : layout.services[service as StatefulServiceName].url,
    };
    if (service !== 'gateway') env.OPS_PORT = String(OPS_PORTS[service]);
    const child = spawn(process.execPath, [join(root, 'dist', 'apps', service, 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const format = prefixer(service, index, width, color);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${format(line)}\n`));
    }
    child.on('exit', (code, signal) => {
      if (stopping) return;
      say(`${service} exited unexpectedly (${signal ?? `code ${code}`}); stopping the others`);
      void shutdown(1);
    });
    children.set(service, child);
  });

  const healthy = await waitForHealth(gatewayPort, 90_000, () => stopping);
  if (stopping) return;
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  say(healthy ? 'all six services are ready' : 'not every service reported ready in time; see GET /health');
  say(`gateway  ${gateway}   (health ${gateway}/health, API docs ${gateway}/docs)`);
  for (const [service, port] of Object.entries(OPS_PORTS)) say(`${service.padEnd(width)}  ops http://127.0.0.1:${port}/health/ready  /metrics`);
  say('press Ctrl-C to stop');
}

async function waitForHealth(port: number, timeoutMs: number, cancelled: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !cancelled()) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

void main().catch((error) => {
  process.stderr.write(`d115: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
