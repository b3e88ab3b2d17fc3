import 'reflect-metadata';
import { join } from 'node:path';
import { SERVICE_NAMES } from '@d115/contracts';
import { provisionDatabase } from '@d115/database';
import { databaseLayout } from '../provisioning';
import { describeError } from './errors';
import { resolveNats, resolvePostgres, Resolved } from './infrastructure';
import { OwnedProcess } from './owned-process';
import { opsPorts, serviceLauncher } from './services';
import { launchSettings } from './settings';
import { Supervisor } from './supervisor';

const root = join(__dirname, '..', '..', '..');
const color = process.stdout.isTTY === true;
const say = (line: string) => process.stdout.write(`${color ? '\x1b[1m' : ''}d115${color ? '\x1b[0m' : ''}  ${line}\n`);
/** How long a service may take to stop after SIGTERM: its own SHUTDOWN_TIMEOUT_MS and a margin. */
const stopGraceMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000) + 5_000;

/**
 * `npm start`: finds or starts Postgres and NATS, provisions the per-service
 * roles and schemas, starts the six services with prefixed logs and keeps
 * them running (a service that dies is restarted with backoff), and stops
 * everything cleanly on Ctrl-C.
 */
async function main(): Promise<void> {
  const infrastructure: Resolved[] = [];
  const supervisors: Supervisor[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say(supervisors.length ? 'stopping all services …' : 'stopping …');
    await Promise.all(supervisors.map((supervisor) => supervisor.stop(stopGraceMs)));
    for (const resolved of infrastructure.reverse()) {
      await resolved.stop?.().catch((error) => say(`could not stop ${resolved.origin}: ${describeError(error)}`));
    }
    await OwnedProcess.stopAll();
    say('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
  process.on('uncaughtException', (error) => {
    say(`launcher failed: ${describeError(error)}`);
    void shutdown(1);
  });

  try {
    const settings = launchSettings(process.env, process.argv, root);
    if (settings.sandbox) announceSandbox(settings.dataDir);
    const postgres = await resolvePostgres(settings, say);
    infrastructure.push(postgres);
    say(`Postgres: ${postgres.origin}`);
    const nats = await resolveNats(settings, say);
    infrastructure.push(nats);
    say(`NATS:     ${nats.origin}`);

    const layout = databaseLayout(process.env, postgres.url);
    await provisionDatabase(postgres.url, layout.database, Object.values(layout.services));
    say(`database "${layout.database}" ready: one schema and role per service`);
    // Told to stop while we were getting ready: start nothing more.
    if (stopping) return;

    const ports = opsPorts(process.env);
    const launch = { root, natsUrl: nats.url, layout, opsPorts: ports, color, dataDir: settings.dataDir };
    const allGaveUp = () => {
      if (supervisors.every((supervisor) => supervisor.givenUp)) void shutdown(1);
    };
    for (const service of SERVICE_NAMES) {
      const supervisor = new Supervisor({ name: service, launch: serviceLauncher(service, launch), say, onGiveUp: allGaveUp });
      supervisors.push(supervisor);
      supervisor.start();
      say(`${service} started (pid ${supervisor.pid})`);
    }
    await reportWhenReady(Number(process.env.GATEWAY_PORT ?? 3000), ports, () => stopping);
  } catch (error) {
    if (stopping) return;
    say(`cannot start: ${describeError(error)}`);
    await shutdown(1);
  }
}

function announceSandbox(dataDir: string): void {
  say(`sandbox mode: embedded Postgres and our own nats-server, data in ${dataDir}`);
  const ignored = ['DATABASE_URL', 'NATS_URL'].filter((name) => process.env[name]);
  if (ignored.length) say(`sandbox mode: ignoring ${ignored.join(' and ')}`);
}

async function reportWhenReady(gatewayPort: number, ports: Record<string, number>, cancelled: () => boolean): Promise<void> {
  const healthy = await waitForHealth(gatewayPort, 90_000, cancelled);
  if (cancelled()) return;
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  const width = Math.max(...SERVICE_NAMES.map((name) => name.length));
  say(healthy ? 'all six services are ready' : 'not every service reported ready in time; see GET /health');
  say(`gateway  ${gateway}   (health ${gateway}/health, API docs ${gateway}/docs)`);
  for (const [service, port] of Object.entries(ports)) say(`${service.padEnd(width)}  ops http://127.0.0.1:${port}/health/ready  /metrics`);
  if (!process.env.AUTH_JWKS_URL) say('sign in: demo users (no AUTH_JWKS_URL); a token: npm run token -- --role agent   (supervisor, admin)');
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
  process.stderr.write(`d115: ${describeError(error)}\n`);
  process.exit(1);
});
