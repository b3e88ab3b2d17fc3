import { Client } from 'pg';
import { D115Error } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';

/** The coded error a request fails with; fails the test when the request succeeds. */
export async function codedFailure(client: RequestClient, subject: string, payload: unknown): Promise<D115Error> {
  const outcome = await client.requestUntyped(subject, payload).then(
    (reply) => new Error(`expected ${subject} to fail, got ${JSON.stringify(reply)}`),
    (error: unknown) => error,
  );
  if (!(outcome instanceof D115Error)) throw outcome;
  return outcome;
}

export interface OutboxRow<T> {
  subject: string;
  /** CloudEvents `subject`, e.g. `call/<id>`. */
  about: string;
  data: T;
  time: string;
}

/** Events a service wrote to its outbox (`<schema>.outbox`), oldest first, optionally of one subject and about one entity. */
export async function outboxEvents<T>(sql: Client, schema: string, subject?: string, about?: string): Promise<OutboxRow<T>[]> {
  const { rows } = await sql.query(
    `SELECT subject, envelope FROM ${schema}.outbox
      WHERE ($1::text IS NULL OR subject = $1) AND ($2::text IS NULL OR envelope->>'subject' = $2) ORDER BY seq`,
    [subject ?? null, about ?? null],
  );
  return rows.map((row) => ({ subject: row.subject, about: row.envelope.subject, data: row.envelope.data, time: row.envelope.time }));
}
