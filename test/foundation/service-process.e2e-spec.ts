import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestEnvironment, waitFor } from '@d115/testing';

/** The built service as a real process: refuses bad configuration, stops cleanly on SIGTERM. */
describe('service process', () => {
  const main = join(__dirname, '..', '..', 'dist', 'apps', 'tickets', 'src', 'main.js');
  let env: TestEnvironment;

  const run = (vars: Record<string, string>): ChildProcessWithoutNullStreams => spawn(process.execPath, [main], { env: { PATH: process.env.PATH, ...vars } });

  const exit = (child: ChildProcessWithoutNullStreams) =>
    new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('exit', (code) => resolve({ code, stderr, stdout }));
    });

  beforeAll(async () => {
    env = await TestEnvironment.create(['tickets']);
  });

  afterAll(() => env.dispose());

  it('exits non-zero naming a missing required variable', async () => {
    const vars = env.serviceEnv('tickets');
    delete vars.DATABASE_URL;
    const result = await exit(run(vars));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL is required but not set');
  });

  it('exits non-zero naming a malformed variable', async () => {
    const result = await exit(run({ ...env.serviceEnv('tickets'), NATS_URL: 'http://127.0.0.1:4222', CONSUMER_MAX_DELIVER: 'many' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('NATS_URL: NATS_URL must be nats://host:port');
    expect(result.stderr).toContain('CONSUMER_MAX_DELIVER');
  });

  it('starts, reports ready, and exits 0 within the shutdown timeout on SIGTERM', async () => {
    const child = run({ ...env.serviceEnv('tickets'), LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '5000' });
    const done = exit(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const port = await waitFor(() => /"port":(\d+),"version"/.exec(output)?.[1], 'the ready log line', { timeoutMs: 20000 });
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'up', checks: { nats: 'up', database: 'up' } });

    const started = Date.now();
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(output).toContain('"msg":"shut down"');
  });
});
