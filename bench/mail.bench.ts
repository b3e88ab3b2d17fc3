import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { memoryBreakdown, MemoryReport } from './support/memory-peak';
import { jetStreamPublishRate, postgresInsertRate } from './support/raw-capacity';
import { fixed, percentile } from './support/stats';

/**
 * SMTP intake end to end: 10 concurrent SMTP clients (a separate process, each
 * on one reused connection, as a relaying MTA would) deliver ~5 KB mails with a
 * small PDF attachment; a mail counts once its mail.message.received event is
 * on the stream. Prints mails/s, SMTP accept latency (MAIL FROM … 250) and the
 * peak RSS of the service — its own process, started with
 * `--max-old-space-size=256` unless `--service-node-options="…"` says otherwise
 * (`--service-node-options=` for none) — next to the raw capacity of the same Postgres and
 * NATS. Then `--large` mails with a `--large-mb` attachment arrive from 2
 * clients at once; their peak RSS is printed separately.
 *
 *   npm run bench -- mail [--mails=3000] [--clients=10] [--warmup=300] [--raw-seconds=3] [--nodelay=1|0] [--large=4] [--large-mb=16]
 *                         [--service-node-options="--max-old-space-size=256"]
 */
export async function run(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const mails = option('mails', 3000);
  const clients = option('clients', 10);
  const warmup = option('warmup', 300);
  const rawSeconds = option('raw-seconds', 3);
  const noDelay = option('nodelay', 1) === 1;
  const largeMails = option('large', 4);
  const largeMb = option('large-mb', 16);
  // A heap limit fitting the deployment's 512 Mi container (docs/mail.md, Memory): without one, node
  // sizes the heap for the machine (4 GB here) and V8 lets garbage pile up to 2–3 times the live heap.
  const serviceNodeOptions = (args.find((a) => a.startsWith('--service-node-options='))?.slice('--service-node-options='.length) ?? '--max-old-space-size=256')
    .split(' ')
    .filter(Boolean);
  const adminUrl = process.env.D115_TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.D115_TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

  const { dropDatabase, provisionDatabase, withCredentials, withDatabase } = await import('@d115/database');
  const { Namespace, STREAMS } = await import('@d115/messaging');
  const { MailSubjects } = await import('@d115/contracts');
  const { connect } = await import('nats');

  const id = randomBytes(4).toString('hex');
  const database = `d115_bench_mail_${id}`;
  const role = `d115_bench_mail_${id}`;
  const namespace = new Namespace(`bench-mail-${id}`);
  process.stdout.write(`mail benchmark: ${mails} mails from ${clients} SMTP clients (after ${warmup} warm-up mails)\n`);

  if (rawSeconds > 0) {
    const insertRate = await postgresInsertRate(adminUrl, 8, rawSeconds * 1000);
    process.stdout.write(`raw postgres single-row insert commits/s (8 connections): ${fixed(insertRate, 0)}\n`);
    const publishRate = await jetStreamPublishRate(natsUrl, 64, rawSeconds * 1000);
    process.stdout.write(`raw jetstream acknowledged publishes/s (64 in flight): ${fixed(publishRate, 0)}\n`);
  }

  await provisionDatabase(adminUrl, database, [{ schema: 'mail', role, password: role }]);
  const nc = await connect({ servers: natsUrl });
  let load: ChildProcess | undefined;
  let service: ChildProcess | undefined;
  try {
    service = fork(join(__dirname, 'support', 'mail-service.main.js'), [], {
      execArgv: serviceNodeOptions,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: {
        PATH: process.env.PATH,
        NATS_URL: natsUrl,
        D115_NAMESPACE: namespace.prefix,
        DATABASE_URL: withCredentials(withDatabase(adminUrl, database), role, role),
        DATABASE_POOL_SIZE: '20',
        OPS_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        SMTP_PORT: '0',
        SMTP_HOST: '127.0.0.1',
        SMTP_MAX_CONNECTIONS_PER_CLIENT: String(clients * 2),
        SMTP_MAX_MESSAGES_PER_MINUTE: '10000000',
        LOG_LEVEL: 'warn',
      },
    });
    const fromService = messagesFrom(service);
    const { port } = (await fromService.next('ready')) as { port: number };
    const measure = () => service!.send({ type: 'measure' });
    const report = async () => {
      service!.send({ type: 'report' });
      return (await fromService.next('memory')) as MemoryReport;
    };

    let received = 0;
    let lastReceivedAt = 0;
    const subscription = nc.subscribe(namespace.subject(MailSubjects.messageReceived), {
      callback: () => {
        received++;
        lastReceivedAt = performance.now();
      },
    });
    const until = async (done: () => boolean, what: string, timeoutMs = 300_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${received} events so far)`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };

    load = fork(__filename, ['--mail-bench-load'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const messages = messagesFrom(load);
    load.send({ port, clients, count: warmup, prefix: `warmup-${id}`, noDelay });
    await messages.next('done');
    await until(() => received >= warmup, 'the warm-up mails');

    measure();
    const started = performance.now();
    load.send({ port, clients, count: mails, prefix: `bench-${id}`, noDelay });
    const result = (await messages.next('done')) as { latencies: number[]; failures: number };
    await until(() => received >= warmup + mails, 'mail.message.received for every mail');
    const memory = await report();
    const seconds = (lastReceivedAt - started) / 1000;

    let large: MemoryReport | undefined;
    if (largeMails > 0) {
      measure();
      load.send({ port, clients: 2, count: largeMails, prefix: `large-${id}`, noDelay, attachmentBytes: largeMb * MB });
      const { failures } = (await messages.next('done')) as { failures: number };
      await until(() => received >= warmup + mails + largeMails - failures, 'mail.message.received for the large mails');
      large = await report();
      if (failures > 0) process.stdout.write(`  large mails refused: ${failures}\n`);
    }
    subscription.unsubscribe();

    const stored = await countStored(withDatabase(adminUrl, database), `bench-${id}-%`);
    process.stdout.write(
      `mails/s accepted over SMTP through to mail.message.received: ${fixed(mails / seconds, 0)} (${mails} mails in ${fixed(seconds, 2)} s; client sockets ${noDelay ? 'TCP_NODELAY' : 'with Nagle'})\n`,
    );
    process.stdout.write(
      `  SMTP accept latency (MAIL FROM … 250): p50 ${fixed(percentile(result.latencies, 50))} ms, p99 ${fixed(percentile(result.latencies, 99))} ms, max ${fixed(Math.max(...result.latencies))} ms\n`,
    );
    process.stdout.write(`  stored ${stored} of ${mails}; refused ${result.failures}\n`);
    const flags = serviceNodeOptions.length > 0 ? ` (node ${serviceNodeOptions.join(' ')})` : '';
    process.stdout.write(
      `  peak RSS of the service process${flags}: ${fixed(memory.peak.rss / MB, 0)} MB during the run, ${fixed(memory.maxRss / MB, 0)} MB since start\n`,
    );
    process.stdout.write(`    at the peak: ${memoryBreakdown(memory.peak)}; idle before the run: ${memoryBreakdown(memory.idle)}\n`);
    if (large) {
      process.stdout.write(
        `  peak RSS while ${largeMails} mails with a ${largeMb} MB attachment arrived (2 clients at once): ${fixed(large.peak.rss / MB, 0)} MB\n`,
      );
      process.stdout.write(`    at the peak: ${memoryBreakdown(large.peak)}\n`);
    }
    process.stdout.write(`target: ≥ 300 mails/s — ${mails / seconds >= 300 ? 'met' : 'NOT met'}\n`);
  } finally {
    load?.kill();
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service!.once('exit', resolve));
      service.send({ type: 'stop' });
      await exited;
    }
    const jsm = await nc.jetstreamManager();
    for (const stream of Object.values(STREAMS)) await jsm.streams.delete(namespace.stream(stream.name)).catch(() => undefined);
    await nc.close();
    await dropDatabase(adminUrl, database);
    await dropRole(adminUrl, role);
  }
}

const MB = 1024 * 1024;

async function countStored(url: string, pattern: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) AS c FROM mail.message WHERE rfc_message_id LIKE $1', [pattern])).rows[0].c);
  } finally {
    await client.end();
  }
}

async function dropRole(adminUrl: string, role: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  await client.end();
}

function messagesFrom(child: ChildProcess) {
  const inbox: { type: string }[] = [];
  let waiting: (() => void) | undefined;
  child.on('message', (message: { type: string }) => {
    inbox.push(message);
    waiting?.();
  });
  child.once('exit', (code) => {
    inbox.push({ type: `exit ${code}` });
    waiting?.();
  });
  return {
    async next(type: string): Promise<unknown> {
      for (;;) {
        const message = inbox.shift();
        if (message?.type === type) return message;
        if (message) throw new Error(`load generator: expected ${type}, got ${message.type}`);
        await new Promise<void>((resolve) => (waiting = resolve));
      }
    },
  };
}

// ---- the load generator (runs in a child process so it does not share the service's CPU thread) ----

/** A ~5 KB mail with a small PDF attachment; `{{ID}}` becomes the Message-ID. */
async function template(attachmentBytes?: number): Promise<string> {
  const MailComposer = (await import('nodemailer/lib/mail-composer')).default;
  const text =
    'Sehr geehrte Damen und Herren,\n\n' + 'ich habe eine Frage zu meinem Antrag auf Wohngeld. '.repeat(60) + '\n\nMit freundlichen Grüßen\nErika Mustermann\n';
  const pdf = attachmentBytes ? randomBytes(attachmentBytes) : Buffer.from('%PDF-1.4\n' + 'x'.repeat(900) + '\n%%EOF\n');
  const raw = await new MailComposer({
    from: 'Erika Mustermann <erika.mustermann@example.org>',
    to: '115@rostock.de',
    subject: 'Frage zum Wohngeld',
    messageId: '<{{ID}}@bench.example.org>',
    text,
    attachments: [{ filename: 'Antrag.pdf', content: pdf, contentType: 'application/pdf' }],
  })
    .compile()
    .build();
  return raw.toString('utf8');
}

async function generateLoad(): Promise<void> {
  const { createTransport } = await import('nodemailer');
  const small = await template();
  const { connect } = await import('node:net');
  process.on('message', async (job: { port: number; clients: number; count: number; prefix: string; noDelay: boolean; attachmentBytes?: number }) => {
    const raw = job.attachmentBytes ? await template(job.attachmentBytes) : small;
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: job.clients }, async () => {
        const transport = createTransport({ host: '127.0.0.1', port: job.port, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: Infinity });
        // nodemailer writes the closing "." of DATA as a separate small segment; with Nagle on, it waits
        // for the server's delayed ACK (40 ms on Linux) — a client artefact that caps any server at
        // ~10 clients / 45 ms ≈ 215 mails/s. MTAs write the end of the message in one buffer; so does this.
        if (job.noDelay) {
          (
            transport as unknown as { getSocket: (options: unknown, callback: (error: Error | null, socket?: { connection: Socket }) => void) => void }
          ).getSocket = (_options, callback) => {
            const socket = connect(job.port, '127.0.0.1', () => {
              socket.setNoDelay(true);
              callback(null, { connection: socket });
            });
            socket.once('error', callback);
          };
        }
        for (let n = next++; n < job.count; n = next++) {
          const started = performance.now();
          try {
            await transport.sendMail({
              envelope: { from: 'erika.mustermann@example.org', to: ['115@rostock.de'] },
              raw: raw.replace('{{ID}}', `${job.prefix}-${n}`),
            });
            latencies.push(performance.now() - started);
          } catch {
            failures++;
          }
        }
        transport.close();
      }),
    );
    process.send!({ type: 'done', latencies, failures });
  });
}

if (require.main === module && process.argv.includes('--mail-bench-load')) void generateLoad();
