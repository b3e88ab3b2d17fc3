import { NatsConnection } from 'nats';
import { Client } from 'pg';
import { MailMessageReceivedEvent, MailSubjects } from '@d115/contracts';
import { TestEnvironment, waitFor } from '@d115/testing';

/** Per Message-ID (without angle brackets): how often it was stored, announced and turned into a case. */
export interface MailOutcome {
  stored: Map<string, number>;
  announced: Map<string, number>;
  cases: Map<string, number>;
  deadLetters: number;
}

const bare = (id: string) => id.replace(/^<|>$/g, '');

async function counts(sql: Client, query: string, prefix: string): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ id: string; n: number }>(query, [`${prefix}-%`]);
  return new Map(rows.map((row) => [bare(row.id), row.n]));
}

/** Waits until tickets has opened `count` cases from this run's mails and every consumer is caught up. */
export async function waitUntilSettled(
  env: TestEnvironment,
  sql: Client,
  nc: NatsConnection,
  prefix: string,
  count: number,
  timeoutMs = 90_000,
): Promise<void> {
  await waitFor(
    async () =>
      Number(
        (await sql.query(`SELECT count(*)::int AS c FROM tickets.article WHERE trim(both '<>' from rfc_message_id) LIKE $1`, [`${prefix}-%`])).rows[0].c,
      ) >= count,
    `${count} cases opened from the mails`,
    { timeoutMs, intervalMs: 100 },
  );
  const jsm = await nc.jetstreamManager();
  await waitFor(
    async () => {
      if (Number((await sql.query('SELECT count(*)::int AS c FROM mail.outbox WHERE published_at IS NULL')).rows[0].c) > 0) return false;
      for await (const consumer of jsm.consumers.list(env.streamName('EVENTS'))) {
        if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) return false;
      }
      return true;
    },
    'outboxes published and consumers caught up',
    { timeoutMs: 30_000, intervalMs: 100 },
  );
}

export async function mailOutcome(env: TestEnvironment, sql: Client, nc: NatsConnection, prefix: string): Promise<MailOutcome> {
  const stored = await counts(sql, `SELECT dedupe_key AS id, count(*)::int AS n FROM mail.inbound_message WHERE dedupe_key LIKE $1 GROUP BY 1`, prefix);
  const cases = await counts(
    sql,
    `SELECT trim(both '<>' from rfc_message_id) AS id, count(DISTINCT ticket_id)::int AS n FROM tickets.article WHERE trim(both '<>' from rfc_message_id) LIKE $1 GROUP BY 1`,
    prefix,
  );

  // Every mail.message.received on the stream, read back with an ordered consumer.
  const js = nc.jetstream();
  const stream = env.streamName('EVENTS');
  const subject = env.namespace.subject(MailSubjects.messageReceived);
  const info = await (await nc.jetstreamManager()).streams.info(stream, { subjects_filter: subject });
  const total = (info.state.subjects as Record<string, number> | undefined)?.[subject] ?? 0;
  const announced = new Map<string, number>();
  const reader = await js.consumers.get(stream, { filterSubjects: subject });
  let read = 0;
  while (read < total) {
    const batch = await reader.fetch({ max_messages: Math.min(total - read, 1000), expires: 5000 });
    for await (const message of batch) {
      const id = bare(message.json<{ data: MailMessageReceivedEvent }>().data.rfcMessageId);
      announced.set(id, (announced.get(id) ?? 0) + 1);
      read++;
    }
  }
  const deadLetters = (await (await nc.jetstreamManager()).streams.info(env.streamName('DEADLETTER'))).state.messages;
  return { stored, announced, cases, deadLetters };
}

/** The ids that were not seen exactly once (empty when all is well). */
export function notExactlyOnce(expected: string[], seen: Map<string, number>): string[] {
  const wrong = expected.filter((id) => seen.get(id) !== 1).map((id) => `${id}×${seen.get(id) ?? 0}`);
  const extra = [...seen.keys()].filter((id) => !expected.includes(id));
  return [...wrong, ...extra.map((id) => `${id} (not sent)`)];
}
