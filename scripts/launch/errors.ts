/**
 * A readable reason for anything that was thrown. Some libraries reject with
 * strings or nothing at all, and Node's "connection refused" on a dual-stack
 * host is an AggregateError with an empty message: none of them may reach the
 * user as "undefined" or as an empty line.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    return [...new Set(error.errors.map(describeError))].join('; ');
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message || code || error.name;
  }
  if (typeof error === 'string' && error) return error;
  if (error === undefined || error === null || error === '') return 'failed without giving a reason';
  return JSON.stringify(error);
}

/** An error whose message says what went wrong and what to do about it. */
export class LaunchError extends Error {
  constructor(cause: string, remedy: string) {
    super(`${cause}. ${remedy}`);
    this.name = 'LaunchError';
  }
}
