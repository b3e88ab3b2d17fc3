import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { eventTypeOf, TelephonyEvents, TelephonyInbound } from '@d115/contracts';
import { dropDatabase, provisionDatabase, withCredentials, withDatabase } from '@d115/database';
import { Namespace, STREAMS } from '@d115/messaging';
import { bootstrapService, RunningService } from '@d115/platform';
import { AmiAdapter } from '../apps/telephony/src/adapters/ami/ami-adapter';
import { TelephonyEnv } from '../apps/telephony/src/config/telephony.env';
import { telephonyService } from '../apps/telephony/src/main';
import { GetServiceLevelUsecase } from '../apps/telephony/src/service-level/usecases/get-service-level/get-service-level.usecase';
import { amiFixture } from '../apps/telephony/test/support/ami-fixtures';
import { FakeAmiServer } from '../apps/telephony/test/support/fake-ami-server';
import { benchTarget } from './support/bench-target';
import { fixed, percentile } from './support/stats';

interface Options {
  /** Calls replayed through the AMI adapter (the queue-answered recording, 30 events each). */
  amiCalls: number;
  /** Calls published as generic CTI events (3 events each). */
  ctiCalls: number;
  /** Recorded calls behind the month's service-level report. */
  monthCalls: number;
  keepDatabase: boolean;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm run bench -- telephony [--ami-calls=3000] [--cti-calls=3000] [--month-calls=1000000]`
 *
 *  1. AMI events per second through a real TCP socket, end to end: recorded queue calls are
 *     streamed to the adapter and the clock stops when every call's `call.ended` is committed;
 *  2. generic CTI events per second through the NATS inbound subject, end to end likewise;
 *  3. a month's service-level report (per day, all queues) over `--month-calls` recorded calls,
 *     bulk-generated with SQL into calls and the per-interval aggregates kept on call end.
 */
export async function run(args: string[]): Promise<void> {
  const options = parse(args);
  const { adminUrl, natsUrl, database, role, password, namespace } = benchTarget('telephony');
  const pbx = await FakeAmiServer.start();
  let service: RunningService<TelephonyEnv> | undefined;
  let nc: NatsConnection | undefined;
  let admin: Client | undefined;
  await provisionDatabase(adminUrl, database, [{ schema: 'telephony', role, password }]);
  try {
    service = await bootstrapService(telephonyService, {
      NATS_URL: natsUrl,
      D115_NAMESPACE: namespace.prefix,
      DATABASE_URL: withCredentials(withDatabase(adminUrl, database), role, password),
      DATABASE_POOL_SIZE: '20',
      OPS_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
      TELEPHONY_SCHEDULER_ENABLED: 'false',
      TELEPHONY_AMI_URL: pbx.url(),
      TELEPHONY_AMI_TRUNKS: 'peer:telekom,context:from-trunk',
      CONSUMER_BATCH_SIZE: '200',
    });
    admin = new Client({ connectionString: withDatabase(adminUrl, database) });
    await admin.connect();
    nc = await connect({ servers: natsUrl });
    const adapter = service.app.get(AmiAdapter);
    await until(() => adapter.connections.every((connection) => connection.ready), 'AMI session');

    await amiPhase(pbx, admin, options.amiCalls);
    await ctiPhase(nc, namespace, admin, options.ctiCalls);
    await monthPhase(service, admin, options.monthCalls);
  } finally {
    await service?.app.close().catch(() => undefined);
    await pbx.close();
    await admin?.end().catch(() => undefined);
    if (nc) {
      const jsm = await nc.jetstreamManager();
      for (const stream of Object.values(STREAMS)) await jsm.streams.delete(namespace.stream(stream.name)).catch(() => undefined);
      await nc.close();
    }
    if (options.keepDatabase) out(`database kept: ${database}`);
    else await dropDatabase(adminUrl, database);
  }
}

async function endedCount(admin: Client): Promise<number> {
  const { rows } = await admin.query('SELECT count(*)::int AS n FROM telephony.outbox WHERE subject = $1', [TelephonyEvents.callEnded]);
  return rows[0].n as number;
}

async function amiPhase(pbx: FakeAmiServer, admin: Client, calls: number): Promise<void> {
  const texts: string[] = [];
  let events = 0;
  for (let i = 0; i < calls; i++) {
    const { text } = amiFixture('queue-answered');
    // Without timestamps the calls are timed by receipt, as from a PBX without timestampevents.
    const body = text.replace(/^Asterisk Call Manager[^\n]*\n/, '').replace(/^Timestamp: .*\r\n/gm, '');
    events += body.split('\r\n\r\n').filter((frame) => frame.trim()).length;
    texts.push(body);
  }
  const before = await endedCount(admin);
  const started = process.hrtime.bigint();
  // Calls overlap as on a busy PBX: the streams of 50 calls interleave frame by frame.
  for (let i = 0; i < texts.length; i += 50) await pbx.send(interleave(texts.slice(i, i + 50)));
  await until(async () => (await endedCount(admin)) >= before + calls, `${calls} AMI calls ended`, 600_000);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  out(`ami: ${calls} calls, ${events} events over TCP in ${fixed(seconds, 2)} s (to every call.ended committed)`);
  out(`ami events/s: ${fixed(events / seconds, 0)}`);
}

function interleave(streams: string[]): string {
  const frames = streams.map((text) => text.split('\r\n\r\n').filter((frame) => frame.trim()));
  const merged: string[] = [];
  for (let i = 0; frames.some((list) => i < list.length); i++) for (const list of frames) if (i < list.length) merged.push(list[i]);
  return `${merged.join('\r\n\r\n')}\r\n\r\n`;
}

async function ctiPhase(nc: NatsConnection, namespace: Namespace, admin: Client, calls: number): Promise<void> {
  const js = nc.jetstream();
  const subject = namespace.subject(TelephonyInbound.call);
  const before = await endedCount(admin);
  const started = process.hrtime.bigint();
  const publishes: Promise<unknown>[] = [];
  for (let i = 0; i < calls; i++) {
    const callId = randomUUID();
    for (const data of [
      { event: 'newCall', callId, from: `0381${String(i).padStart(7, '0')}`, to: '115', direction: 'in', queue: 'allgemein' },
      { event: 'answer', callId, answeringNumber: '2001' },
      { event: 'hangup', callId, cause: 'normalClearing' },
    ]) {
      const eventId = randomUUID();
      const envelope = { specversion: '1.0', id: eventId, source: '/bench', type: eventTypeOf(TelephonyInbound.call), time: new Date().toISOString(), data };
      publishes.push(js.publish(subject, JSON.stringify(envelope), { msgID: eventId }));
    }
    if (publishes.length >= 1000) await Promise.all(publishes.splice(0));
  }
  await Promise.all(publishes);
  await until(async () => (await endedCount(admin)) >= before + calls, `${calls} CTI calls ended`, 600_000);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  out(`nats inbound: ${calls} calls, ${calls * 3} events in ${fixed(seconds, 2)} s (to every call.ended committed)`);
  out(`nats inbound events/s: ${fixed((calls * 3) / seconds, 0)}`);
}

/** A month (March 2026) of recorded calls, bulk-generated, then the month's report per day. */
async function monthPhase(service: RunningService<TelephonyEnv>, admin: Client, calls: number): Promise<void> {
  const generated = process.hrtime.bigint();
  await admin.query(
    `INSERT INTO telephony.call (id, pbx, external_call_id, direction, caller_pseudonym, queue, agent, offered_at, answered_at, ended_at, outcome, last_signal_at)
     SELECT gen_random_uuid(), 'bench', 'm' || g, 'inbound', md5(g::text), q.name, '2001', o.at,
            CASE WHEN g % 10 < 8 THEN o.at + (g % 90) * interval '1 second' END,
            o.at + (g % 90 + 120) * interval '1 second',
            CASE WHEN g % 10 < 8 THEN 'answered' ELSE 'abandoned' END,
            o.at + (g % 90 + 120) * interval '1 second'
       FROM generate_series(1::bigint, $1::bigint) g
       CROSS JOIN LATERAL (SELECT (ARRAY['allgemein', 'kfz', 'meldewesen', 'soziales'])[g % 4 + 1] AS name) q
       CROSS JOIN LATERAL (SELECT timestamptz '2026-03-02 07:00:00+00' + ((g * 7919) % (26 * 36000)) / 36000 * interval '1 day'
                                  + ((g * 7919) % 36000) * interval '1 second' AS at) o`,
    [calls],
  );
  // The aggregates the call.ended consumer keeps, built in one pass over the generated calls.
  await admin.query(
    `INSERT INTO telephony.service_level_interval (queue, interval_start, offered, answered, answered_in_threshold, abandoned, abandoned_wait_ms,
                                                   short_abandoned, unanswered_other, answered_wait_ms, talk_ms, wrapped_up, resolved)
     SELECT queue, to_timestamp(floor(extract(epoch FROM offered_at) / 900) * 900), count(*),
            count(answered_at), count(*) FILTER (WHERE answered_at - offered_at <= interval '30 seconds'),
            count(*) FILTER (WHERE answered_at IS NULL AND ended_at - offered_at >= interval '5 seconds'),
            coalesce(sum(extract(epoch FROM ended_at - offered_at) * 1000) FILTER (WHERE answered_at IS NULL AND ended_at - offered_at >= interval '5 seconds'), 0),
            count(*) FILTER (WHERE answered_at IS NULL AND ended_at - offered_at < interval '5 seconds'), 0,
            coalesce(sum(extract(epoch FROM answered_at - offered_at) * 1000), 0), coalesce(sum(extract(epoch FROM ended_at - answered_at) * 1000), 0),
            count(answered_at), count(answered_at) * 2 / 3
       FROM telephony.call WHERE pbx = 'bench' GROUP BY 1, 2`,
  );
  await admin.query(
    `INSERT INTO telephony.service_level_wait (queue, interval_start, wait_s, calls)
     SELECT queue, to_timestamp(floor(extract(epoch FROM offered_at) / 900) * 900), floor(extract(epoch FROM answered_at - offered_at))::int, count(*)
       FROM telephony.call WHERE pbx = 'bench' AND answered_at IS NOT NULL GROUP BY 1, 2, 3`,
  );
  await admin.query(
    `INSERT INTO telephony.service_level_wait_day (queue, day, wait_s, calls)
     SELECT queue, (interval_start AT TIME ZONE 'Europe/Berlin')::date, wait_s, sum(calls) FROM telephony.service_level_wait
      WHERE interval_start >= '2026-03-01' AND interval_start < '2026-04-01' GROUP BY 1, 2, 3`,
  );
  await admin.query('ANALYZE telephony.service_level_interval; ANALYZE telephony.service_level_wait; ANALYZE telephony.service_level_wait_day');
  const { rows } = await admin.query(
    `SELECT (SELECT count(*) FROM telephony.call WHERE pbx = 'bench')::int AS calls, (SELECT count(*) FROM telephony.service_level_interval)::int AS intervals,
            (SELECT count(*) FROM telephony.service_level_wait)::int AS waits, (SELECT count(*) FROM telephony.service_level_wait_day)::int AS days`,
  );
  out(
    `service-level: ${rows[0].calls} recorded calls → ${rows[0].intervals} interval rows, ${rows[0].waits} + ${rows[0].days} wait-histogram rows per interval + per day (generated in ${fixed(Number(process.hrtime.bigint() - generated) / 1e9, 1)} s)`,
  );
  const usecase = service.app.get(GetServiceLevelUsecase);
  const month = { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z', granularity: 'day' as const };
  const timings: number[] = [];
  let days = 0;
  for (let i = 0; i < 7; i++) {
    const started = process.hrtime.bigint();
    const reply = await usecase.execute(month);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    days = reply.periods.length;
  }
  out(`service-level: month report per day, all queues: ${days} days; runs ${timings.map((t) => fixed(t, 0)).join(', ')} ms`);
  out(`service-level month: ${fixed(percentile(timings.slice(1), 50), 0)} ms`);
}

async function until(probe: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function parse(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.split('=')[1]) : fallback;
  };
  return {
    amiCalls: value('ami-calls', 3000),
    ctiCalls: value('cti-calls', 3000),
    monthCalls: value('month-calls', 1_000_000),
    keepDatabase: args.includes('--keep-database'),
  };
}
