import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestEnvironment, waitFor } from '@d115/testing';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A built service (dist/, as `npm test` builds it) as a real process on fixed
 * ports, so it can be killed with SIGKILL and started again where the senders
 * expect it.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private tail: string[] = [];
  starts = 0;

  constructor(
    readonly service: 'mail' | 'tickets',
    private readonly vars: Record<string, string>,
    readonly opsPort: number,
  ) {}

  /** Starts the process and resolves once /health/ready says up. */
  async start(): Promise<void> {
    const main = join(ROOT, 'dist', 'apps', this.service, 'src', 'main.js');
    const env = { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...this.vars, OPS_PORT: String(this.opsPort) };
    if (this.vars.LOG_LEVEL === 'silent') env.LOG_LEVEL = 'warn'; // keep errors for the failure message
    const child = spawn(process.execPath, [main], { env });
    /** RELIABILITY_LOG_DIR=/some/dir keeps the whole output of every service process there. */
    const logDir = process.env.RELIABILITY_LOG_DIR;
    const keep = (chunk: Buffer) => {
      if (logDir) appendFileSync(join(logDir, `${this.service}.log`), chunk);
      this.tail.push(...chunk.toString().split('\n').filter(Boolean));
      if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    this.starts++;
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.service} exited with ${child.exitCode}:\n${this.output()}`);
        return (await this.health()) === 200;
      },
      `${this.service} ready`,
      { timeoutMs: 60000, intervalMs: 25 },
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n--- last output of ${this.service} ---\n${this.output()}`);
    });
  }

  /** The status of /health/ready, or 0 when nothing answers. */
  async health(): Promise<number> {
    try {
      return (await fetch(`http://127.0.0.1:${this.opsPort}/health/ready`, { signal: AbortSignal.timeout(3000) })).status;
    } catch {
      return 0;
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  output(): string {
    return this.tail.join('\n');
  }
}

/** The mail service (SMTP on a fixed port, no sender limits, no IMAP) and the tickets service of a test environment. */
export function mailAndTickets(
  env: TestEnvironment,
  ports: { smtp: number; mailOps: number; ticketsOps: number },
  ticketsVars: Record<string, string> = {},
): { mail: ServiceProcess; tickets: ServiceProcess } {
  const mail = new ServiceProcess(
    'mail',
    env.serviceEnv('mail', {
      SMTP_PORT: String(ports.smtp),
      SMTP_HOST: '127.0.0.1',
      SMTP_MAX_CONNECTIONS_PER_CLIENT: '100',
      SMTP_MAX_MESSAGES_PER_MINUTE: '1000000',
      MAIL_IMAP_ENABLED: 'false',
    }),
    ports.mailOps,
  );
  return { mail, tickets: new ServiceProcess('tickets', env.serviceEnv('tickets', ticketsVars), ports.ticketsOps) };
}
