import { D115Error, ErrorCode } from '@d115/contracts';

/**
 * Whether a case lies in the municipalities (ARS prefixes) an actor may see. No scope
 * is unrestricted; a case without an ARS (not yet attributed to a municipality) is seen
 * by everyone, so intake is never hidden.
 */
export function inScope(ars: string | null | undefined, scope: readonly string[] | undefined): boolean {
  if (!scope || !ars) return true;
  return scope.some((prefix) => ars.startsWith(prefix));
}

/** The opaque search cursor: the position (creation time, id) of the last case of a page. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

/** @throws VALIDATION.FAILED for a cursor this service did not issue */
export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new D115Error(ErrorCode.VALIDATION_FAILED, 'cursor is not one this service issued', [{ path: 'cursor', constraints: ['cursor is not valid'] }]);
  }
}
