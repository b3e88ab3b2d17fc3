import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallEndOutcome, CallSignal } from './call-signal';
import { CallRecord } from './domain/call-record';

/** Column ↔ field pairs of the `call` table; the one place the mapping is written. */
const COLUMNS: [column: string, field: keyof CallRecord][] = [
  ['id', 'id'],
  ['pbx', 'pbx'],
  ['external_call_id', 'externalCallId'],
  ['direction', 'direction'],
  ['caller_number', 'callerNumber'],
  ['caller_withheld', 'callerWithheld'],
  ['caller_pseudonym', 'callerPseudonym'],
  ['called_number', 'calledNumber'],
  ['queue', 'queue'],
  ['agent', 'agent'],
  ['agent_id', 'agentId'],
  ['offered_at', 'offeredAt'],
  ['queued_at', 'queuedAt'],
  ['ringing_at', 'ringingAt'],
  ['answered_at', 'answeredAt'],
  ['transferred_at', 'transferredAt'],
  ['ended_at', 'endedAt'],
  ['outcome', 'outcome'],
  ['transferred', 'transferred'],
  ['forwarded', 'forwarded'],
  ['cause', 'cause'],
  ['last_signal_at', 'lastSignalAt'],
];
const DATE_FIELDS = new Set<keyof CallRecord>(['offeredAt', 'queuedAt', 'ringingAt', 'answeredAt', 'transferredAt', 'endedAt', 'lastSignalAt']);
const SELECT_LIST = COLUMNS.map(([column]) => `c.${column}`).join(', ');
const UPDATE_LIST = COLUMNS.filter(([column]) => column !== 'id')
  .map(([column]) => `${column} = EXCLUDED.${column}`)
  .join(', ');

export interface CallKey {
  pbx: string;
  externalCallId: string;
}

export const keyOf = (pbx: string, externalCallId: string): string => `${pbx}\u001f${externalCallId}`;

function toRecord(row: Record<string, unknown>): CallRecord {
  const record: Record<string, unknown> = {};
  for (const [column, field] of COLUMNS) {
    const value = row[column];
    record[field] = DATE_FIELDS.has(field) && value !== null ? new Date(value as string) : value;
  }
  return record as unknown as CallRecord;
}

function toRow(record: CallRecord): Record<string, unknown> {
  return Object.fromEntries(COLUMNS.map(([column, field]) => [column, record[field] instanceof Date ? (record[field] as Date).toISOString() : record[field]]));
}

/** Calls and the external ids they are known by (a call keeps its id when the PBX renames it). */
@Injectable()
export class CallsRepository {
  /**
   * Serialises work on the same external ids across instances and batches for the rest
   * of the transaction (sorted, so two batches never wait for each other in a circle).
   */
  async lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended(k, 7115)) FROM (SELECT DISTINCT unnest($1::text[]) AS k ORDER BY 1) keys`, [keys]);
  }

  /** The calls known under the given keys, locked for the transaction, by key. */
  async findByKeys(manager: EntityManager, keys: CallKey[]): Promise<Map<string, CallRecord>> {
    const found = new Map<string, CallRecord>();
    if (keys.length === 0) return found;
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT k.pbx AS key_pbx, k.external_call_id AS key_id, ${SELECT_LIST}
         FROM call_key k JOIN call c ON c.id = k.call_id
        WHERE (k.pbx, k.external_call_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
          FOR UPDATE OF c`,
      [keys.map((k) => k.pbx), keys.map((k) => k.externalCallId)],
    );
    for (const row of rows) found.set(keyOf(row.key_pbx as string, row.key_id as string), toRecord(row));
    return found;
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<CallRecord | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT ${SELECT_LIST} FROM call c WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Inserts new calls and writes changed ones, in one statement. */
  async save(manager: EntityManager, records: CallRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO call (${COLUMNS.map(([c]) => c).join(', ')})
       SELECT ${COLUMNS.map(([c]) => c).join(', ')} FROM json_populate_recordset(NULL::call, $1::json)
       ON CONFLICT (id) DO UPDATE SET ${UPDATE_LIST}`,
      [JSON.stringify(records.map(toRow))],
    );
  }

  /** Names the external ids a call is known by; a key already taken keeps its call. */
  async addKeys(manager: EntityManager, keys: (CallKey & { callId: string })[]): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO call_key (pbx, external_call_id, call_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) ON CONFLICT DO NOTHING`,
      [keys.map((k) => k.pbx), keys.map((k) => k.externalCallId), keys.map((k) => k.callId)],
    );
  }

  /** The wrap-up of a call, or undefined when it has none. */
  async wrapUpOf(manager: EntityManager, id: string): Promise<{ outcome: string | null; caseLinked: boolean } | undefined> {
    const rows: { wrap_up_outcome: string | null; case_linked: boolean }[] = await manager.query(
      'SELECT wrap_up_outcome, case_linked FROM call WHERE id = $1',
      [id],
    );
    return rows[0] ? { outcome: rows[0].wrap_up_outcome, caseLinked: rows[0].case_linked } : undefined;
  }

  async markWrappedUp(manager: EntityManager, id: string, wrapUp: { outcome: string; at: Date; actor: string; caseLinked: boolean }): Promise<void> {
    await manager.query('UPDATE call SET wrap_up_outcome = $2, wrapped_up_at = $3, wrapped_up_by = $4, case_linked = $5 WHERE id = $1', [
      id,
      wrapUp.outcome,
      wrapUp.at,
      wrapUp.actor,
      wrapUp.caseLinked,
    ]);
  }

  /** Live calls that saw no signal since `before`, locked, oldest first. */
  async findStale(manager: EntityManager, before: Date, limit: number): Promise<CallRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${SELECT_LIST} FROM call c WHERE c.ended_at IS NULL AND c.last_signal_at < $1 ORDER BY c.last_signal_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [before, limit],
    );
    return rows.map(toRecord);
  }

  /** Calls for the console: in progress (newest offer first) or recently ended (newest end first). */
  async list(
    manager: EntityManager,
    state: 'live' | 'recent',
    queue: string | undefined,
    limit: number,
  ): Promise<(CallRecord & { wrapUpOutcome: string | null })[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${SELECT_LIST}, c.wrap_up_outcome FROM call c
        WHERE ${state === 'live' ? 'c.ended_at IS NULL' : 'c.ended_at IS NOT NULL'} AND ($1::text IS NULL OR c.queue = $1)
        ORDER BY ${state === 'live' ? 'c.offered_at' : 'c.ended_at'} DESC LIMIT $2`,
      [queue ?? null, limit],
    );
    return rows.map((row) => ({ ...toRecord(row), wrapUpOutcome: row.wrap_up_outcome as string | null }));
  }

  /** Remembers hangups of calls not known yet (the earliest per call stays). */
  async keepEarlyEnds(manager: EntityManager, ends: CallSignal[], receivedAt: Date): Promise<void> {
    if (ends.length === 0) return;
    await manager.query(
      `INSERT INTO early_end (pbx, external_call_id, at, outcome, cause, received_at)
       SELECT p, e, a, o, c, $6 FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[]) AS t(p, e, a, o, c)
       ON CONFLICT (pbx, external_call_id) DO UPDATE SET at = LEAST(early_end.at, EXCLUDED.at)`,
      [
        ends.map((s) => s.pbx),
        ends.map((s) => s.externalCallId),
        ends.map((s) => s.at.toISOString()),
        ends.map((s) => s.outcome ?? null),
        ends.map((s) => s.cause ?? null),
        receivedAt.toISOString(),
      ],
    );
  }

  /** Takes (reads and deletes) the early hangups of the given keys, as `ended` signals. */
  async takeEarlyEnds(manager: EntityManager, keys: CallKey[]): Promise<CallSignal[]> {
    if (keys.length === 0) return [];
    const rows: { pbx: string; external_call_id: string; at: Date; outcome: CallEndOutcome | null; cause: string | null }[] = await manager.query(
      `WITH taken AS (
         DELETE FROM early_end WHERE (pbx, external_call_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         RETURNING pbx, external_call_id, at, outcome, cause)
       SELECT * FROM taken`,
      [keys.map((k) => k.pbx), keys.map((k) => k.externalCallId)],
    );
    return rows.map((row) => ({
      pbx: row.pbx,
      externalCallId: row.external_call_id,
      kind: 'ended' as const,
      at: new Date(row.at),
      ...(row.outcome ? { outcome: row.outcome } : {}),
      ...(row.cause ? { cause: row.cause } : {}),
    }));
  }

  /** Forgets early hangups whose call never turned up. */
  async pruneEarlyEnds(manager: EntityManager, receivedBefore: Date): Promise<void> {
    await manager.query('DELETE FROM early_end WHERE received_at < $1', [receivedBefore]);
  }

  /** Live calls of one pbx (for reconciliation after a reconnect). */
  async findLive(manager: EntityManager, pbx: string): Promise<CallRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT ${SELECT_LIST} FROM call c WHERE c.ended_at IS NULL AND c.pbx = $1`, [pbx]);
    return rows.map(toRecord);
  }
}
