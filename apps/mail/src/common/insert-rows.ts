import { EntityManager } from 'typeorm';

/** Postgres takes at most 65535 parameters per statement. */
const MAX_PARAMETERS = 60000;

/** Binary values above this size are sent in pieces of this size (see stageLargeValues). */
const LARGE_VALUE_BYTES = 1024 * 1024;

const STAGING_TABLE = 'pg_temp.d115_large_value';

/**
 * One multi-row INSERT (split only when the parameter limit demands it): the
 * write path stores a whole group of mails in a handful of statements instead
 * of a round trip per row. `suffix` is e.g. `ON CONFLICT … RETURNING id`.
 * Buffers above LARGE_VALUE_BYTES (a large raw mail or attachment) do not
 * travel inside the statement: they are staged piece by piece first.
 */
export async function insertRows<R = unknown>(manager: EntityManager, table: string, columns: string[], rows: unknown[][], suffix = ''): Promise<R[]> {
  const staged = await stageLargeValues(manager, rows);
  const returned: R[] = [];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        const stagedId = Buffer.isBuffer(value) ? staged.get(value) : undefined;
        values.push(stagedId ?? value);
        return stagedId === undefined
          ? `$${values.length}`
          : `(SELECT string_agg(part, ''::bytea ORDER BY seq) FROM ${STAGING_TABLE} WHERE id = $${values.length})`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const result: R[] = await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, values);
    if (Array.isArray(result)) returned.push(...result);
  }
  if (staged.size > 0) await manager.query(`DELETE FROM ${STAGING_TABLE} WHERE id = ANY($1::int[])`, [[...staged.values()]]);
  return returned;
}

let nextStagedId = 0;

/**
 * Writes each large Buffer of the rows into a session-local temporary table in
 * pieces of LARGE_VALUE_BYTES, for the INSERT to put together on the server.
 * A value sent as one parameter is copied whole into the protocol message
 * (and a multi-row INSERT of large mails would copy all of them into one);
 * staged, no message is larger than a piece. Same transaction, so the rule
 * holds: committed together or not at all.
 */
async function stageLargeValues(manager: EntityManager, rows: unknown[][]): Promise<Map<Buffer, number>> {
  const staged = new Map<Buffer, number>();
  for (const value of rows.flat()) {
    if (!Buffer.isBuffer(value) || value.length <= LARGE_VALUE_BYTES || staged.has(value)) continue;
    if (staged.size === 0) {
      // No ON COMMIT DELETE ROWS: that would truncate at every later commit of the session; the
      // pieces are deleted right after the INSERT, and a rollback takes them back anyway.
      await manager.query(`CREATE TEMPORARY TABLE IF NOT EXISTS d115_large_value (id int NOT NULL, seq int NOT NULL, part bytea NOT NULL)`);
    }
    const id = (nextStagedId = (nextStagedId + 1) % 2 ** 31);
    for (let seq = 0; seq * LARGE_VALUE_BYTES < value.length; seq++) {
      const part = value.subarray(seq * LARGE_VALUE_BYTES, (seq + 1) * LARGE_VALUE_BYTES);
      await manager.query(`INSERT INTO ${STAGING_TABLE} (id, seq, part) VALUES ($1, $2, $3)`, [id, seq, part]);
    }
    staged.set(value, id);
  }
  return staged;
}
