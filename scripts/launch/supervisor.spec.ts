import { ChildProcess, spawn } from 'node:child_process';
import { waitFor } from '@d115/testing';
import { RestartPolicy } from './restart-policy';
import { Supervisor } from './supervisor';

/** Real child processes (node -e), a fast restart schedule. */
describe('Supervisor', () => {
  const node = (script: string): ChildProcess => spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  const STAYS_UP = 'setInterval(() => undefined, 1000)';
  const fast = (maxRestarts = 5) => new RestartPolicy({ initialDelayMs: 10, maxDelayMs: 40, stableAfterMs: 60_000, maxRestarts });
  const alive = (pid: number | undefined) => {
    try {
      return pid !== undefined && process.kill(pid, 0);
    } catch {
      return false;
    }
  };
  let sut: Supervisor | undefined;

  afterEach(() => sut?.stop(1000));

  it('says that the process died, with its exit code, and starts it again', async () => {
    const lines: string[] = [];
    const scripts = ['process.exit(3)', STAYS_UP];
    sut = new Supervisor({ name: 'tickets', launch: () => node(scripts.shift() ?? STAYS_UP), say: (line) => lines.push(line), policy: fast() });
    sut.start();

    await waitFor(() => lines.some((line) => line.startsWith('tickets restarted (pid ')), 'the restart');
    expect(lines[0]).toMatch(/^tickets exited unexpectedly \(exit code 3, pid \d+, up \d+ ms\); restarting in 10 ms$/);
    expect(alive(sut.pid)).toBe(true);
  });

  it('names the signal that killed it', async () => {
    const lines: string[] = [];
    sut = new Supervisor({ name: 'mail', launch: () => node(STAYS_UP), say: (line) => lines.push(line), policy: fast() });
    sut.start();
    const first = sut.pid;
    process.kill(first!, 'SIGKILL');

    await waitFor(() => sut!.pid !== undefined && sut!.pid !== first && sut!.pid, 'a new process');
    expect(lines[0]).toContain('mail exited unexpectedly (killed by SIGKILL');
  });

  it('gives up on a process that keeps dying, once, and says so', async () => {
    const lines: string[] = [];
    let gaveUp = 0;
    sut = new Supervisor({
      name: 'knowledge',
      launch: () => node('process.exit(1)'),
      say: (line) => lines.push(line),
      policy: fast(2),
      onGiveUp: () => gaveUp++,
    });
    sut.start();

    await waitFor(() => sut!.givenUp, 'giving up');
    expect(gaveUp).toBe(1);
    expect(lines.filter((line) => line.includes('restarted'))).toHaveLength(2);
    expect(lines.at(-1)).toContain('knowledge exited unexpectedly (exit code 1) and has failed 3 times in a row; not restarting it again');
  });

  it('stops the process with SIGTERM and never restarts it afterwards', async () => {
    const lines: string[] = [];
    let launches = 0;
    sut = new Supervisor({ name: 'gateway', launch: () => (launches++, node(STAYS_UP)), say: (line) => lines.push(line), policy: fast() });
    sut.start();
    const pid = sut.pid;

    await sut.stop(5000);
    expect(alive(pid)).toBe(false);
    expect(sut.pid).toBeUndefined();
    expect(launches).toBe(1);
    expect(lines).toEqual([]);
  });

  it('cancels a restart that is waiting for its delay', async () => {
    let launches = 0;
    const slow = new RestartPolicy({ initialDelayMs: 60_000, maxDelayMs: 60_000, stableAfterMs: 60_000, maxRestarts: 5 });
    const lines: string[] = [];
    sut = new Supervisor({ name: 'mail', launch: () => (launches++, node('process.exit(2)')), say: (line) => lines.push(line), policy: slow });
    sut.start();
    await waitFor(() => lines.length === 1, 'the exit report');

    await sut.stop(1000);
    expect(launches).toBe(1);
    expect(lines[0]).toContain('restarting in 60 s');
  });

  it('kills a process that ignores SIGTERM after the grace period', async () => {
    const lines: string[] = [];
    let output = '';
    const stubborn = () => {
      const child = spawn(process.execPath, ['-e', `process.on('SIGTERM', () => undefined); console.log('ready'); ${STAYS_UP}`]);
      child.stdout.on('data', (chunk) => (output += chunk));
      return child;
    };
    sut = new Supervisor({ name: 'telephony', launch: stubborn, say: (line) => lines.push(line), policy: fast() });
    sut.start();
    const pid = sut.pid;
    await waitFor(() => output.includes('ready'), 'the child to ignore SIGTERM');

    await sut.stop(300);
    expect(alive(pid)).toBe(false);
    expect(lines).toEqual(['telephony did not stop within 0.3 s; killing it']);
  });
});
