import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { producerService, RecordProbeUsecase, TestEnvironment, waitFor } from '@d115/testing';
import { jetStreamPublishRate, postgresInsertRate } from './support/raw-capacity';
import { fixed, percentile, runFor } from './support/stats';

/**
 * Outbox → JetStream → durable consumer (inbox recorded), end to end, next to
 * the raw capacity of the same Postgres (single-row commits, 8 connections) and
 * NATS (acknowledged JetStream publishes).
 */
export async function run(args: string[]): Promise<void> {
  const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 10);
  const env = await TestEnvironment.create(['telephony', 'tickets']);
  try {
    process.stdout.write(`outbox benchmark, ${seconds} s per phase\n`);
    const insertRate = await postgresInsertRate(env.adminDatabaseUrl(), 8, seconds * 1000);
    process.stdout.write(`raw postgres single-row insert commits/s (8 connections): ${fixed(insertRate, 0)}\n`);
    const publishRate = await jetStreamPublishRate(env.natsUrl, 64, seconds * 1000);
    process.stdout.write(`raw jetstream acknowledged publishes/s (64 in flight): ${fixed(publishRate, 0)}\n`);

    const producer = await env.start(producerService, { DATABASE_POOL_SIZE: '8' });
    const consumer = spawn(process.execPath, [join(__dirname, 'support', 'probe-consumer.main.js')], {
      env: { ...process.env, ...env.serviceEnv('tickets') },
      stdio: 'inherit',
    });
    const consumerExited = new Promise((resolve) => consumer.once('exit', resolve));
    const record = producer.app.get(RecordProbeUsecase);
    const sql = await env.sql();
    await waitFor(
      async () => (await sql.query("SELECT 1 FROM pg_tables WHERE schemaname = 'tickets' AND tablename = 'received'")).rowCount === 1,
      'consumer migrations',
    );
    let n = 0;

    // Phase 1: as fast as 8 writers can commit; throughput is what the consumer committed.
    const started = Date.now();
    const produced = await runFor(seconds * 1000, 8, () => record.announce(n++));
    await waitFor(async () => (await count(sql)) >= produced, 'consumer to catch up', { timeoutMs: 120_000, intervalMs: 50 });
    const lastCommit = Number((await sql.query('SELECT extract(epoch FROM max(received_at)) * 1000 AS t FROM tickets.received')).rows[0].t);
    const throughput = produced / ((lastCommit - started) / 1000);
    const full = await latencies(sql, 0);
    process.stdout.write(`outbox→consumer events/s: ${fixed(throughput, 0)} (${produced} events)\n`);
    process.stdout.write(`  latency at full load: p50 ${fixed(percentile(full, 50))} ms, p99 ${fixed(percentile(full, 99))} ms\n`);

    // Phase 2: half that load, evenly paced; latency from outbox commit to consumer commit.
    const target = throughput / 2;
    const from = n;
    const halfStarted = Date.now();
    let sent = 0;
    await runFor(seconds * 1000, 8, async () => {
      const due = halfStarted + (sent++ / target) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await record.announce(n++);
    });
    await waitFor(async () => (await count(sql)) >= n, 'consumer to catch up at half load', { timeoutMs: 120_000, intervalMs: 50 });
    const half = await latencies(sql, from);
    process.stdout.write(`  latency at half load (${fixed(target, 0)}/s): p50 ${fixed(percentile(half, 50))} ms, p99 ${fixed(percentile(half, 99))} ms\n`);
    process.stdout.write(`ratio: ${fixed(throughput / insertRate, 2)} (outbox→consumer events/s ÷ raw single-row commits/s; target ≥ 0.20)\n`);
    consumer.kill('SIGTERM');
    await consumerExited;
  } finally {
    await env.dispose();
  }
}

async function count(sql: import('pg').Client): Promise<number> {
  return Number((await sql.query('SELECT count(*) AS c FROM tickets.received')).rows[0].c);
}

async function latencies(sql: import('pg').Client, fromN: number): Promise<number[]> {
  const { rows } = await sql.query('SELECT extract(epoch FROM received_at - event_time) * 1000 AS ms FROM tickets.received WHERE n >= $1', [fromN]);
  return rows.map((row) => Number(row.ms));
}
