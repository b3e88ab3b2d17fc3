import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { infrastructure } from '@d115/testing';
import { gatewayHealth, isAlive, LauncherProcess } from './launcher-process';

/**
 * `D115_EMBEDDED=1 npm start` from a clean data folder: the embedded Postgres
 * (as an unprivileged user when the tests run as root) and our own
 * nats-server, even though local servers answer and DATABASE_URL/NATS_URL
 * point at them; nothing lands on those; Ctrl-C leaves no server behind.
 */
describe('npm start in sandbox mode', () => {
  const { adminUrl, natsUrl } = infrastructure();
  const id = randomBytes(4).toString('hex');
  const database = `d115_test_sandbox_${id}`;
  const namespace = `sandbox${id}`;
  const ports = { gateway: 41200, opsBase: 41200, postgres: 41210, nats: 41211 };
  const dataDir = mkdtempSync(join(tmpdir(), 'd115-sandbox-'));
  // mkdtemp makes the folder private to its owner; the unprivileged Postgres user must be able to enter it.
  chmodSync(dataDir, 0o755);
  let launcher: LauncherProcess;

  afterAll(async () => {
    await launcher?.interrupt();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs all six services on its own Postgres and NATS and stops them all on SIGINT', async () => {
    launcher = LauncherProcess.start({
      D115_EMBEDDED: '1',
      DATABASE_URL: adminUrl,
      NATS_URL: natsUrl,
      D115_DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(ports.postgres),
      EMBEDDED_NATS_PORT: String(ports.nats),
      D115_DATABASE: database,
      D115_NAMESPACE: namespace,
      GATEWAY_PORT: String(ports.gateway),
      OPS_PORT_BASE: String(ports.opsBase),
      SMTP_PORT: '0',
      LOG_LEVEL: 'warn',
    });
    await launcher.waitForOutput(/all six services are ready/, 120_000);
    expect(await gatewayHealth(ports.gateway)).toBe(200);

    const [, postgresPid] = await launcher.waitForOutput(new RegExp(`Postgres: embedded Postgres on 127\\.0\\.0\\.1:${ports.postgres} \\(.*, pid (\\d+)\\)`));
    const [, natsPid] = await launcher.waitForOutput(new RegExp(`NATS: +nats-server on 127\\.0\\.0\\.1:${ports.nats} \\(.*, pid (\\d+)\\)`));
    expect(launcher.output).toContain('sandbox mode: ignoring DATABASE_URL and NATS_URL');
    expect(launcher.output).toContain(`initialising an embedded Postgres in ${join(dataDir, 'postgres')}`);
    if (process.getuid?.() === 0) {
      expect(launcher.output).toContain('running as root: the embedded Postgres runs as the unprivileged user');
      expect(uidOf(Number(postgresPid))).not.toBe(0);
      expect(statSync(join(dataDir, 'postgres')).uid).toBe(uidOf(Number(postgresPid)));
    }
    expect(await databaseExists(`postgres://postgres:postgres@127.0.0.1:${ports.postgres}/postgres`, database)).toBe(true);

    expect(await launcher.interrupt()).toBe(0);
    expect(launcher.output).toMatch(/d115 {2}stopped\n$/);
    expect(isAlive(Number(postgresPid))).toBe(false);
    expect(isAlive(Number(natsPid))).toBe(false);
    expect(await gatewayHealth(ports.gateway)).toBeUndefined();

    // The developer's own servers were left alone.
    expect(await databaseExists(adminUrl, database)).toBe(false);
    expect(await streamNames(natsUrl)).not.toContainEqual(expect.stringContaining(namespace));
  });

  function uidOf(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^Uid:\s+(\d+)/m.exec(status)![1]);
  }

  async function databaseExists(url: string, name: string): Promise<boolean> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    } finally {
      await client.end();
    }
  }

  async function streamNames(url: string): Promise<string[]> {
    const nc = await connect({ servers: url });
    try {
      const names: string[] = [];
      for await (const name of (await nc.jetstreamManager()).streams.names()) names.push(name);
      return names;
    } finally {
      await nc.close();
    }
  }
});
