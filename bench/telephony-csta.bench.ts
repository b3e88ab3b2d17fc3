import 'reflect-metadata';
import { headers as natsHeaders } from 'nats';
import { Client } from 'pg';
import { CSTA_PBX_HEADER, TelephonyInbound } from '@d115/contracts';
import { TestEnvironment, waitFor } from '@d115/testing';
import { encodeCstaFrame } from '../apps/telephony/src/adapters/csta/framing/csta-frame';
import { telephonyService } from '../apps/telephony/src/main';
import { CstaTestServer } from '../apps/telephony/test/support/csta-test-server';
import { fixed } from './support/stats';

export interface CstaBenchOptions {
  /** Calls to send; each is four CSTA events (Delivered, Established, two ConnectionCleared). */
  calls: number;
  /** Also measure the NATS inbound subject. */
  nats: boolean;
}

export interface CstaBenchResult {
  tcpEventsPerSecond: number;
  natsEventsPerSecond?: number;
  calls: number;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const AGENTS = Array.from({ length: 20 }, (_, i) => String(2001 + i));
const NS = 'xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed3"';

/** The four events of one answered inbound call, as an OpenScape-like server reports them. */
function callEvents(callId: string, agent: string, caller: string): string[] {
  const parties = `<callingDevice><deviceIdentifier>${caller}</deviceIdentifier></callingDevice><calledDevice><deviceIdentifier>115</deviceIdentifier></calledDevice>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?><DeliveredEvent ${NS}><monitorCrossRefID>1</monitorCrossRefID><connection><callID>${callId}</callID><deviceID>${agent}</deviceID></connection><alertingDevice><deviceIdentifier>${agent}</deviceIdentifier></alertingDevice>${parties}<localConnectionInfo>alerting</localConnectionInfo><cause>newCall</cause></DeliveredEvent>`,
    `<?xml version="1.0" encoding="UTF-8"?><EstablishedEvent ${NS}><monitorCrossRefID>1</monitorCrossRefID><establishedConnection><callID>${callId}</callID><deviceID>${agent}</deviceID></establishedConnection><answeringDevice><deviceIdentifier>${agent}</deviceIdentifier></answeringDevice>${parties}<localConnectionInfo>connected</localConnectionInfo><cause>newCall</cause></EstablishedEvent>`,
    `<?xml version="1.0" encoding="UTF-8"?><ConnectionClearedEvent ${NS}><monitorCrossRefID>1</monitorCrossRefID><droppedConnection><callID>${callId}</callID><deviceID>T1</deviceID></droppedConnection><releasingDevice><deviceIdentifier>${caller}</deviceIdentifier></releasingDevice><localConnectionInfo>connected</localConnectionInfo><cause>normalClearing</cause></ConnectionClearedEvent>`,
    `<?xml version="1.0" encoding="UTF-8"?><ConnectionClearedEvent ${NS}><monitorCrossRefID>1</monitorCrossRefID><droppedConnection><callID>${callId}</callID><deviceID>${agent}</deviceID></droppedConnection><releasingDevice><deviceIdentifier>${agent}</deviceIdentifier></releasingDevice><localConnectionInfo>null</localConnectionInfo><cause>normalClearing</cause></ConnectionClearedEvent>`,
  ];
}

/** `calls` calls, interleaved in waves of 20 (one per agent) as a busy center produces them. */
function traffic(calls: number, prefix: string): string[] {
  const documents: string[] = [];
  for (let wave = 0; wave < calls; wave += AGENTS.length) {
    const batch = AGENTS.slice(0, Math.min(AGENTS.length, calls - wave)).map((agent, i) =>
      callEvents(`${prefix}${wave + i}`, agent, `+49381${String(wave + i).padStart(7, '0')}`),
    );
    for (let step = 0; step < 4; step++) for (const events of batch) documents.push(events[step]);
  }
  return documents;
}

async function endedCalls(sql: Client, pbx: string): Promise<number> {
  const { rows } = await sql.query('SELECT count(*)::int AS n FROM telephony.call WHERE pbx = $1 AND ended_at IS NOT NULL', [pbx]);
  return rows[0].n as number;
}

/**
 * CSTA events per second through the telephony service, end to end: from the first byte on the
 * CSTA server's socket (or the first publish on the inbound subject) until every call's end is
 * committed (the call row ended, `call.ended` in the outbox). One service instance, real Postgres
 * and NATS, the adapter reading over a real TCP socket.
 */
export async function cstaEventsPerSecond(options: CstaBenchOptions): Promise<CstaBenchResult> {
  const server = await CstaTestServer.start();
  const env = await TestEnvironment.create(['telephony']);
  try {
    await env.start(telephonyService, {
      TELEPHONY_CSTA_URL: `${server.url}#bench-tcp`,
      TELEPHONY_CSTA_MONITOR: AGENTS.join(','),
      TELEPHONY_CSTA_TRUNKS: 'T*',
      TELEPHONY_SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'error',
    });
    await waitFor(() => server.monitorStarts.length >= AGENTS.length, 'the monitors', { timeoutMs: 30000 });
    const sql = await env.sql();
    const timeoutMs = Math.max(120000, options.calls * 40);

    const stream = Buffer.concat(traffic(options.calls, 'tcp-').map((xml) => encodeCstaFrame(xml, '9999')));
    const tcpStarted = process.hrtime.bigint();
    for (let offset = 0; offset < stream.length; offset += 65536) server.send(stream.subarray(offset, offset + 65536));
    await waitFor(async () => (await endedCalls(sql, 'bench-tcp')) >= options.calls || undefined, 'every TCP call to end', { timeoutMs, intervalMs: 20 });
    const tcpSeconds = Number(process.hrtime.bigint() - tcpStarted) / 1e9;
    const result: CstaBenchResult = { calls: options.calls, tcpEventsPerSecond: (options.calls * 4) / tcpSeconds };

    if (options.nats) {
      const nc = await env.nats();
      const js = nc.jetstream();
      const h = natsHeaders();
      h.set(CSTA_PBX_HEADER, 'bench-nats');
      const subject = env.namespace.subject(TelephonyInbound.csta);
      const natsStarted = process.hrtime.bigint();
      const pending: Promise<unknown>[] = [];
      for (const xml of traffic(options.calls, 'nats-')) {
        pending.push(js.publish(subject, xml, { headers: h }));
        if (pending.length >= 256) await Promise.all(pending.splice(0));
      }
      await Promise.all(pending);
      await waitFor(async () => (await endedCalls(sql, 'bench-nats')) >= options.calls || undefined, 'every NATS call to end', { timeoutMs, intervalMs: 20 });
      result.natsEventsPerSecond = (options.calls * 4) / (Number(process.hrtime.bigint() - natsStarted) / 1e9);
    }
    return result;
  } finally {
    await env.dispose();
    await server.close();
  }
}

/** `npm run bench -- telephony-csta [--calls=2500] [--no-nats]` */
export async function run(args: string[]): Promise<void> {
  const calls = Number(args.find((a) => a.startsWith('--calls='))?.slice('--calls='.length) ?? 2500);
  const result = await cstaEventsPerSecond({ calls, nats: !args.includes('--no-nats') });
  out(`csta: ${result.calls} calls, ${result.calls * 4} events per path, one service instance`);
  out(`csta events/s: ${fixed(result.tcpEventsPerSecond, 0)}`);
  if (result.natsEventsPerSecond !== undefined) out(`csta nats events/s: ${fixed(result.natsEventsPerSecond, 0)}`);
}
