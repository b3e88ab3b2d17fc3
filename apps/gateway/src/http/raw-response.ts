import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';

/**
 * Takes the response over from Fastify for a stream the route writes itself (SSE, a file
 * piece by piece): the headers set so far on the reply (security headers, CORS, rate
 * limits) are carried over to the raw response, then Fastify leaves it alone.
 */
export function takeOver(reply: FastifyReply): ServerResponse {
  reply.hijack();
  const raw = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) raw.setHeader(name, value);
  raw.statusCode = 200;
  return raw;
}
