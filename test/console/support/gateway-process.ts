import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestEnvironment, waitFor } from '@d115/testing';

const MAIN = join(__dirname, '..', '..', '..', 'dist', 'apps', 'gateway', 'src', 'main.js');

/**
 * The built gateway (`node scripts/build.js`) as its own process, as `npm start` runs
 * it: serving dist/console at `/` and the API at /api/v1, in the test's NATS namespace,
 * demo sign-in with its own signing key in a temporary folder.
 */
export class GatewayProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(env: TestEnvironment, overrides: Record<string, string> = {}): Promise<GatewayProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'd115-console-'));
    const vars = env.serviceEnv('gateway', { LOG_LEVEL: 'info', D115_DATA_DIR: dataDir, ...overrides });
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, ...vars } });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    const port = await waitFor(() => /"port":(\d+)/.exec(text)?.[1], `the gateway's ready line (so far: ${text.slice(-1000)})`, { timeoutMs: 30000 });
    const gateway = new GatewayProcess(child, dataDir, Number(port));
    gateway.output = text;
    return gateway;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
