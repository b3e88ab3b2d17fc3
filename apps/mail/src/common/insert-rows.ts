import { EntityManager } from 'typeorm';

/** Postgres takes at most 65535 parameters per statement. */
const MAX_PARAMETERS = 60000;

/**
 * One multi-row INSERT (split only when the parameter limit demands it): the
 * write path stores a whole group of mails in a handful of statements instead
 * of a round trip per row. `suffix` is e.g. `ON CONFLICT … RETURNING id`.
 */
export async function insertRows<R = unknown>(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  suffix = '',
): Promise<R[]> {
  const returned: R[] = [];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const result: R[] = await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, values);
    if (Array.isArray(result)) returned.push(...result);
  }
  return returned;
}
