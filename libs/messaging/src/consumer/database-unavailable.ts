/**
 * Tells an unavailable database apart from a failing handler. Errors that only
 * the database connection can raise (the server shutting down or starting, a
 * connection exception, the client losing its connection) are unavailability
 * for sure; generic network errors (ECONNREFUSED, ECONNRESET) and TypeORM's
 * "query runner already released" (what a broken connection leaves behind)
 * could also have other causes, so they count as unavailability only when the
 * database does not answer a probe either.
 */
export type DatabaseFailure = 'unavailable' | 'maybe-unavailable' | 'other';

/** SQLSTATEs of a server that is going away or not yet there: admin/crash shutdown, cannot connect now. */
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** TypeORM releases a query runner whose connection broke; the next query on it says so. Also a bug's symptom: probe. */
const RUNNER_RELEASED = 'query runner already released';
/** Messages of the pg client (and pg-pool) when the connection is gone or cannot be had. */
const DRIVER_MESSAGES = [
  'connection terminated',
  'client has encountered a connection error',
  'client was closed and is not queryable',
  'cannot use a pool after calling end',
  'timeout exceeded when trying to connect',
  'connection timeout',
];

export function classifyDatabaseFailure(error: unknown): DatabaseFailure {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (SERVER_GOING_AWAY.has(code) || code.startsWith('08')) return 'unavailable';
      if (NETWORK_CODES.has(code)) return 'maybe-unavailable';
    }
    const text = typeof message === 'string' ? message.toLowerCase() : '';
    if (DRIVER_MESSAGES.some((known) => text.includes(known))) return 'unavailable';
    if (text.includes(RUNNER_RELEASED)) return 'maybe-unavailable';
    // TypeORM wraps driver errors (QueryFailedError.driverError); AggregateError lists its causes.
    const inner = (current as { driverError?: unknown; cause?: unknown; errors?: unknown[] }).driverError ?? (current as { cause?: unknown }).cause;
    const listed = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(listed) && listed.some((e) => classifyDatabaseFailure(e) !== 'other')) return 'maybe-unavailable';
    current = inner;
  }
  return 'other';
}
