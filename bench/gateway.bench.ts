import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JetStreamClient } from 'nats';
import { eventAbout, pingSubject, TicketEvents } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { TestEnvironment, waitFor } from '@d115/testing';
import { DemoSigningKey } from '../apps/gateway/src/auth/demo-signing-key';
import { fixed, percentile } from './support/stats';
import { benchOperations } from './support/gateway-operations';
import { BenchHttpClient } from './support/http-client';
import { cpuPerRequest, cpuSnapshot, pidsOf, ProcessGroups, sumCpu } from './support/process-cpu';

interface Options {
  /** The gateway's HTTP port (default: a free one). */
  port: number;
  /** Directory for V8 CPU profiles of the gateway process (`--cpu-prof`), when set. */
  profileDir?: string;
  requests: number;
  concurrency: number;
  sseClients: number;
  sseEvents: number;
}

/**
 * `npm run bench -- gateway [--port=0] [--requests=2000] [--concurrency=8] [--sse-clients=1000] [--sse-events=10] [--profile=DIR]`
 *
 * The same requests through the gateway (HTTP, bearer token verified, roles, scope) and
 * directly over NATS, side by side in one run: GET case, take next and knowledge search;
 * one at a time (what the gateway adds at p50), then `--concurrency` at a time with the two
 * ways interleaved (requests/s, p50 and p99, the ratio `gateway/nats`, the CPU of every
 * process on the way). `--profile` writes a CPU profile of the gateway process into DIR
 * (open it in Chrome's DevTools). Then SSE: `--sse-clients` connected clients, each
 * receiving `--sse-events` events published to JetStream; the latency from publish to receipt.
 */
export async function run(args: string[]): Promise<void> {
  const options = parse(args);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const env = await TestEnvironment.create(['tickets', 'knowledge']);
  const children: ChildProcess[] = [];
  const closers: (() => void)[] = [];
  const keyDir = mkdtempSync(join(tmpdir(), 'd115-bench-gw-'));
  try {
    // Each service in its own process, as deployed: the bench's own load stays out of their event loops.
    const keyFile = join(keyDir, 'key.json');
    children.push(spawnService('tickets', env.serviceEnv('tickets', { TICKETS_SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'warn' })));
    // The Rostock demo catalogue is seeded on the first start: the search has something to find.
    children.push(spawnService('knowledge', env.serviceEnv('knowledge', { LOG_LEVEL: 'warn' })));
    const port = options.port || (await freePort());
    const gatewayProcess = spawnService(
      'gateway',
      env.serviceEnv('gateway', {
        GATEWAY_PORT: String(port),
        AUTH_DEMO_KEY_FILE: keyFile,
        LOG_LEVEL: 'error',
        RATE_LIMIT_PER_IP: '100000000',
        RATE_LIMIT_PER_USER: '100000000',
        SSE_HEARTBEAT_SECONDS: '300',
      }),
      options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [],
    );
    children.push(gatewayProcess);
    // Everything on a request's way shares the two cores: where the CPU goes, each way.
    const [tickets, knowledge] = children;
    const processes: ProcessGroups = {
      'bench client': () => [process.pid],
      gateway: () => [gatewayProcess.pid!],
      tickets: () => [tickets.pid!],
      knowledge: () => [knowledge.pid!],
      'nats-server': () => pidsOf('nats-server'),
      postgres: () => pidsOf('postgres'),
    };
    const base = `http://127.0.0.1:${port}`;
    const client = new RequestClient(await env.nats(), env.namespace, 10000);
    for (const service of ['tickets', 'knowledge'] as const) {
      await waitFor(() => client.request(pingSubject(service), {}, { timeoutMs: 500 }).then((reply) => reply.ready || undefined), service, {
        timeoutMs: 60000,
      });
    }
    await waitFor(() => fetch(`${base}/api/v1/auth/config`).then((response) => response.ok || undefined), 'the gateway', { timeoutMs: 60000 });
    const key = await DemoSigningKey.load(keyFile);
    const http = new BenchHttpClient(base);
    closers.push(() => http.close());
    out(`gateway bench: ${options.requests} requests per path, concurrency ${options.concurrency} (one machine, shared load)`);

    const warmUp = Math.min(WARM_UP_REQUESTS, options.requests);
    const operations = await benchOperations({ client, key, requests: warmUp + SEQUENTIAL_REQUESTS + options.requests, concurrency: options.concurrency });
    await settle(env);
    for (const operation of operations) {
      // A short warm-up each way, so neither side pays for JIT compilation or cold caches in its figures.
      await measure({ ...options, requests: warmUp }, () => operation.nats());
      await measure({ ...options, requests: warmUp }, () => operation.http(http));
      // What the gateway adds to one request: one at a time, alternating both ways, so
      // queueing on the shared cores does not count as the gateway's latency.
      const added = await alternate(
        SEQUENTIAL_REQUESTS,
        () => operation.nats(),
        () => operation.http(http),
      );
      const { direct, through, cpuDirect, cpuThrough } = await underLoad(
        options,
        processes,
        () => operation.nats(),
        () => operation.http(http),
      );
      const cpuLine = Object.keys(processes)
        .map((name) => `${name} ${fixed(cpuDirect[name].total, 2)} → ${fixed(cpuThrough[name].total, 2)}`)
        .join(', ');
      out(
        `${operation.name.padEnd(14)} nats    ${fixed(direct.rate, 0).padStart(6)} req/s  p50 ${fixed(direct.p50, 2)} ms  p99 ${fixed(direct.p99, 2)} ms\n` +
          `${''.padEnd(14)} gateway ${fixed(through.rate, 0).padStart(6)} req/s  p50 ${fixed(through.p50, 2)} ms  p99 ${fixed(through.p99, 2)} ms\n` +
          `${''.padEnd(14)} gateway/nats ratio: ${fixed(through.rate / direct.rate, 2)}  (+${fixed(through.p50 - direct.p50, 2)} ms at p50 under load; ` +
          `gateway process CPU ${fixed(cpuThrough.gateway.total, 2)} ms per request, ${fixed(cpuThrough.gateway.system, 2)} of it in the kernel)\n` +
          `${''.padEnd(14)} CPU ms per request, nats → gateway: ${cpuLine}\n` +
          `${''.padEnd(14)} one at a time: nats p50 ${fixed(added.nats, 2)} ms, gateway p50 ${fixed(added.http, 2)} ms: the gateway adds ${fixed(added.http - added.nats, 2)} ms at p50 (target < 2 ms)`,
      );
    }
    await sse(out, base, key, env, options);
  } finally {
    for (const close of closers) close();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
    await env.dispose();
    rmSync(keyDir, { recursive: true, force: true });
  }
}

/**
 * Lets the seeding finish before anything is measured: every event of the ~5,000 cases just
 * opened is published (the relay, the routing and the gateway's live consumers work through
 * them for a while), and the new rows are analysed — the steady state of a service center,
 * not the minute after a bulk load.
 */
async function settle(env: TestEnvironment): Promise<void> {
  const sql = await env.sql();
  await waitFor(
    async () => {
      const { rows } = await sql.query<{ waiting: number }>('SELECT count(*)::int AS waiting FROM tickets.outbox WHERE published_at IS NULL');
      return rows[0].waiting === 0 || undefined;
    },
    'the seeded cases published',
    { timeoutMs: 120_000 },
  );
  await sql.query('VACUUM (ANALYZE)');
}

interface Pass {
  latencies: number[];
  seconds: number;
}

/** `requests` calls of `once`, `concurrency` at a time. */
async function measure(options: Pick<Options, 'concurrency'> & { requests: number }, once: () => Promise<void>): Promise<Pass> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next++ < options.requests) {
        const t0 = process.hrtime.bigint();
        await once();
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { latencies, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Rounds of the timed run under load: each way's requests in this many parts, interleaved. */
const LOAD_ROUNDS = 4;

/**
 * Both ways under load, `concurrency` at a time: in rounds, the two ways taking turns in
 * the order A B B A …, so that a slower or busier minute of the shared machine falls on
 * both ways alike rather than on whichever ran then. Rates over each way's own time; CPU
 * of every process summed over each way's parts.
 */
async function underLoad(options: Options, processes: ProcessGroups, nats: () => Promise<void>, http: () => Promise<void>) {
  const ways = [
    { call: nats, passes: [] as Pass[], cpu: [] as ReturnType<typeof cpuPerRequest>[] },
    { call: http, passes: [] as Pass[], cpu: [] as ReturnType<typeof cpuPerRequest>[] },
  ];
  const part = Math.ceil(options.requests / LOAD_ROUNDS);
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    for (const way of round % 2 === 0 ? ways : [...ways].reverse()) {
      const before = cpuSnapshot(processes);
      way.passes.push(await measure({ concurrency: options.concurrency, requests: part }, way.call));
      way.cpu.push(cpuPerRequest(before, cpuSnapshot(processes), part * LOAD_ROUNDS));
    }
  }
  const [direct, through] = ways.map((way) => {
    const latencies = way.passes.flatMap((pass) => pass.latencies);
    const seconds = way.passes.reduce((sum, pass) => sum + pass.seconds, 0);
    return { rate: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  });
  const [cpuDirect, cpuThrough] = ways.map((way) => sumCpu(way.cpu));
  return { direct, through, cpuDirect, cpuThrough };
}

/** Requests of the warm-up, each way (at most the timed run's). */
const WARM_UP_REQUESTS = 200;

/** Requests of the one-at-a-time pass, each way: enough that its p50 holds still between runs. */
const SEQUENTIAL_REQUESTS = 1000;

/** p50 of `a` and of `b`, called one after the other `requests` times. */
async function alternate(requests: number, a: () => Promise<void>, b: () => Promise<void>): Promise<{ nats: number; http: number }> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < requests; i++) {
    for (const [slot, call] of [a, b].entries()) {
      const t0 = performance.now();
      await call();
      times[slot].push(performance.now() - t0);
    }
  }
  return { nats: percentile(times[0], 50), http: percentile(times[1], 50) };
}

/** `sseClients` supervisors connected; each SLA warning reaches all of them. */
async function sse(out: (line: string) => void, base: string, key: DemoSigningKey, env: TestEnvironment, options: Options): Promise<void> {
  const token = await key.sign({ id: 'bench-supervisor', name: 'Bench', roles: ['supervisor'], ars: [] }, 'd115', 3600);
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  const aborts: AbortController[] = [];
  let connected = 0;
  const readers = Array.from({ length: options.sseClients }, async () => {
    const abort = new AbortController();
    aborts.push(abort);
    const response = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    connected++;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (const match of buffer.matchAll(/"number":"(bench-[^"]+)"/g)) {
          const at = sent.get(match[1]);
          if (at !== undefined) latencies.push(performance.now() - at);
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      }
    } catch {
      // aborted at the end
    }
  });
  const deadline = Date.now() + 60_000;
  while (connected < options.sseClients && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const js: JetStreamClient = (await env.nats()).jetstream();
  for (let i = 0; i < options.sseEvents; i++) {
    const number = `bench-${i}`;
    sent.set(number, performance.now());
    await publishWarning(js, env, number);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const expected = options.sseClients * options.sseEvents;
  const waitUntil = Date.now() + 10_000;
  while (latencies.length < expected && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const abort of aborts) abort.abort();
  await Promise.allSettled(readers);
  out(
    `sse            ${connected} clients × ${options.sseEvents} events: ${latencies.length}/${expected} received, ` +
      `p50 ${fixed(percentile(latencies, 50), 1)} ms, p99 ${fixed(percentile(latencies, 99), 1)} ms (target p99 < 200 ms)`,
  );
}

function publishWarning(js: JetStreamClient, env: TestEnvironment, number: string) {
  const ticketId = randomUUID();
  const data = { ticketId, number, metric: 'resolution', queue: 'general', targetMinutes: 60, dueAt: new Date().toISOString() };
  return js.publish(
    env.namespace.subject(TicketEvents.slaWarning),
    JSON.stringify({
      specversion: '1.0',
      id: randomUUID(),
      source: '/d115/bench',
      type: TicketEvents.slaWarning,
      time: new Date().toISOString(),
      subject: eventAbout('ticket', ticketId),
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    }),
  );
}

function spawnService(service: 'tickets' | 'knowledge' | 'gateway', env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  const main = join(__dirname, '..', 'apps', service, 'src', 'main.js');
  const child = spawn(process.execPath, [...nodeArgs, main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  return child;
}

/** A port nobody listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

function parse(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.split('=')[1]) : fallback;
  };
  const profile = args.find((a) => a.startsWith('--profile='));
  return {
    port: value('port', 0),
    profileDir: profile ? profile.split('=')[1] : undefined,
    requests: value('requests', 2000),
    concurrency: value('concurrency', 8),
    sseClients: value('sse-clients', 1000),
    sseEvents: value('sse-events', 10),
  };
}
