import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connect } from 'nats';
import { dropDatabase } from '@d115/database';
import { Namespace, STREAMS } from '@d115/messaging';
import { infrastructure, waitFor } from '@d115/testing';

/** `npm start` as a user runs it: one command, six services, a healthy gateway, a clean Ctrl-C. */
describe('the launcher behind npm start', () => {
  const { adminUrl, natsUrl } = infrastructure();
  const id = randomBytes(4).toString('hex');
  const database = `d115_test_launch_${id}`;
  const namespace = new Namespace(`launch${id}`);
  const gatewayPort = 20000 + Math.floor(Math.random() * 20000);

  afterAll(async () => {
    await dropDatabase(adminUrl, database);
    const nc = await connect({ servers: natsUrl });
    const jsm = await nc.jetstreamManager();
    for (const stream of Object.values(STREAMS)) await jsm.streams.delete(namespace.stream(stream.name)).catch(() => undefined);
    await nc.close();
  });

  it('starts all six services, reports them ready, and stops them all on SIGINT', async () => {
    const launcher = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'scripts', 'launch', 'main.js')], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: adminUrl,
        NATS_URL: natsUrl,
        D115_DATABASE: database,
        D115_ROLE_PREFIX: 'd115_test_',
        D115_NAMESPACE: namespace.prefix,
        GATEWAY_PORT: String(gatewayPort),
        OPS_PORT_BASE: String(gatewayPort + 1),
        SMTP_PORT: '0',
        LOG_LEVEL: 'warn',
      },
    });
    let output = '';
    launcher.stdout.on('data', (chunk) => (output += chunk));
    launcher.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => launcher.on('exit', resolve));

    await waitFor(() => output.includes('all six services are ready'), `the ready banner (output so far: ${output.slice(-500)})`, {
      timeoutMs: 60000,
      intervalMs: 100,
    });
    expect(output).toContain(`gateway  http://127.0.0.1:${gatewayPort}`);
    const health = await fetch(`http://127.0.0.1:${gatewayPort}/health`);
    expect(health.status).toBe(200);
    const ops = await fetch(`http://127.0.0.1:${gatewayPort + 1 + 3}/health/ready`);
    expect(await ops.json()).toEqual({ status: 'up', checks: { nats: 'up', database: 'up' } });

    launcher.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped');
    await expect(fetch(`http://127.0.0.1:${gatewayPort}/health`)).rejects.toThrow();
  });
});
