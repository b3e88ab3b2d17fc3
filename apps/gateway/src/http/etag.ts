import type { FastifyReply } from 'fastify';

/**
 * A reply with a `version` (a case) gets it as its ETag, for `If-Match` on the next change.
 * A function over the handler's reply rather than an interceptor: a route without
 * interceptors skips Nest's observable chain, measurably on the gateway's hot path.
 */
export async function versionETag<T>(response: FastifyReply, reply: Promise<T>): Promise<T> {
  const value = await reply;
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number') response.header('ETag', `"${version}"`);
  return value;
}
