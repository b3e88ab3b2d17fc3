import { connect } from 'nats';
import { randomBytes } from 'node:crypto';
import { SERVICE_NAMES } from '@d115/contracts';
import { dropDatabase } from '@d115/database';
import { Namespace, STREAMS } from '@d115/messaging';
import { infrastructure, waitFor } from '@d115/testing';
import { gatewayHealth, isAlive, LauncherProcess } from './launcher-process';

/** A launcher on the local Postgres and NATS, in its own database and namespace, the gateway on `gatewayPort`, ops ports after it. */
function localLauncher(gatewayPort: number) {
  const { adminUrl, natsUrl } = infrastructure();
  const id = randomBytes(4).toString('hex');
  const database = `d115_test_launch_${id}`;
  const namespace = new Namespace(`launch${id}`);
  const pids = new Map<string, number>();
  const launcher = LauncherProcess.start({
    DATABASE_URL: adminUrl,
    NATS_URL: natsUrl,
    D115_DATABASE: database,
    D115_ROLE_PREFIX: 'd115_test_',
    D115_NAMESPACE: namespace.prefix,
    GATEWAY_PORT: String(gatewayPort),
    OPS_PORT_BASE: String(gatewayPort),
    SMTP_PORT: '0',
    LOG_LEVEL: 'warn',
  });
  return {
    launcher,
    pids,
    async ready() {
      await launcher.waitForOutput(/all six services are ready/, 90_000);
      for (const service of SERVICE_NAMES) pids.set(service, launcher.pidOf(service));
    },
    async dispose() {
      await launcher.interrupt();
      await dropDatabase(adminUrl, database);
      const nc = await connect({ servers: natsUrl });
      const jsm = await nc.jetstreamManager();
      for (const stream of Object.values(STREAMS)) await jsm.streams.delete(namespace.stream(stream.name)).catch(() => undefined);
      await nc.close();
    },
  };
}

/**
 * `npm start` as a user runs it, against the local Postgres and NATS: one
 * command, six services, a healthy gateway; a service killed from outside is
 * restarted while the others keep running; Ctrl-C stops everything.
 */
describe('the launcher behind npm start', () => {
  const gatewayPort = 41100;
  const opsPortBase = gatewayPort;
  let started: ReturnType<typeof localLauncher>;
  let launcher: LauncherProcess;
  let pids: Map<string, number>;

  beforeAll(async () => {
    started = localLauncher(gatewayPort);
    ({ launcher, pids } = started);
    await started.ready();
  }, 100_000);

  afterAll(() => started?.dispose());

  it('starts all six services and reports them ready', async () => {
    expect(launcher.output).toContain(`gateway  http://127.0.0.1:${gatewayPort}`);
    expect(await gatewayHealth(gatewayPort)).toBe(200);
    const ops = await fetch(`http://127.0.0.1:${opsPortBase + 3}/health/ready`);
    expect(await ops.json()).toEqual({ status: 'up', checks: { nats: 'up', database: 'up' } });
  });

  it('restarts a service that was killed, and keeps the others running', async () => {
    const killed = pids.get('tickets')!;
    process.kill(killed, 'SIGKILL');

    await launcher.waitForOutput(/tickets exited unexpectedly \(killed by SIGKILL, pid \d+, up [^)]+\); restarting in 1 s/, 10_000);
    const [, restarted] = await launcher.waitForOutput(/tickets restarted \(pid (\d+)/, 10_000);
    await waitFor(async () => (await gatewayHealth(gatewayPort)) === 200, 'a green gateway /health again', { timeoutMs: 30_000, intervalMs: 250 });

    expect(Number(restarted)).not.toBe(killed);
    expect(isAlive(Number(restarted))).toBe(true);
    pids.set('tickets', Number(restarted));
    for (const [service, pid] of pids) expect({ service, alive: isAlive(pid) }).toEqual({ service, alive: true });
    expect(launcher.output.match(/exited unexpectedly/g)).toHaveLength(1);
  });

  it('stops every service on SIGINT, the restarted one included', async () => {
    expect(await launcher.interrupt()).toBe(0);
    expect(launcher.output).toMatch(/stopping all services …\n(.*\n)*d115 {2}stopped\n$/);
    for (const [service, pid] of pids) expect({ service, alive: isAlive(pid) }).toEqual({ service, alive: false });
    expect(await gatewayHealth(gatewayPort)).toBeUndefined();
    expect(launcher.output.match(/restarted \(pid/g)).toHaveLength(1);
  });
});

describe('the services of a launcher that was killed outright', () => {
  let started: ReturnType<typeof localLauncher>;

  afterAll(() => started?.dispose());

  it('shut down by themselves instead of running on unsupervised', async () => {
    started = localLauncher(41120);
    await started.ready();

    started.launcher.process.kill('SIGKILL');
    await started.launcher.exited;

    for (const [service, pid] of started.pids) {
      await waitFor(() => !isAlive(pid), `${service} (pid ${pid}) to stop after its launcher died`, { timeoutMs: 20_000, intervalMs: 100 });
    }
    expect(await gatewayHealth(41120)).toBeUndefined();
  });
});
