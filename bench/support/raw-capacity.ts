import { connect } from 'nats';
import { Client } from 'pg';
import { runFor } from './stats';

/** Single-row INSERT commits per second into Postgres over `connections` connections. */
export async function postgresInsertRate(url: string, connections: number, durationMs: number): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const table = `bench_raw_${process.pid}`;
  await clients[0].query(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  try {
    const payload = JSON.stringify({ kind: 'raw', body: 'x'.repeat(200) });
    const started = Date.now();
    const count = await runFor(durationMs, connections, (loop) =>
      clients[loop].query(`INSERT INTO ${table} (payload) VALUES ($1)`, [payload]).then(() => undefined),
    );
    return count / ((Date.now() - started) / 1000);
  } finally {
    await clients[0].query(`DROP TABLE ${table}`);
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** Acknowledged JetStream publishes per second (a window of `inFlight` unacknowledged at a time). */
export async function jetStreamPublishRate(natsUrl: string, inFlight: number, durationMs: number): Promise<number> {
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true });
  const jsm = await nc.jetstreamManager();
  const stream = `BENCH_RAW_${process.pid}`;
  await jsm.streams.add({ name: stream, subjects: [`bench.raw.${process.pid}`] });
  try {
    const js = nc.jetstream();
    const data = JSON.stringify({ kind: 'raw', body: 'x'.repeat(200) });
    const started = Date.now();
    const count = await runFor(durationMs, inFlight, () => js.publish(`bench.raw.${process.pid}`, data).then(() => undefined));
    return count / ((Date.now() - started) / 1000);
  } finally {
    await jsm.streams.delete(stream);
    await nc.close();
  }
}
