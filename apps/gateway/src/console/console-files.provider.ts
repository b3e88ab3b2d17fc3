import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { relative } from 'node:path';
import { resolveConsoleFile } from './console-files';

export const CONSOLE_DIRECTORY = Symbol('CONSOLE_DIRECTORY');

/** Paths the gateway itself answers; the console never shadows them. */
const GATEWAY_PATHS = /^\/(api|docs|docs-json|health|metrics)(\/|$)/;

/**
 * Serves the built agent console at `/` with caching headers and the single-page
 * fallback, for GETs no route took (Fastify's `is404`).
 */
@Injectable()
export class ConsoleFiles {
  constructor(@Inject(CONSOLE_DIRECTORY) readonly root: string | undefined) {}

  /** Answers the request with a console file, or returns false to let it through. */
  serve(request: FastifyRequest, reply: FastifyReply): boolean {
    if (!this.root || !request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const path = request.url.split('?')[0];
    if (GATEWAY_PATHS.test(path)) return false;
    const file = resolveConsoleFile(this.root, path, wantsHtml(request.headers.accept));
    if (!file) return false;
    reply.header('Cache-Control', file.cacheControl);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.type(file.contentType);
    void reply.status(200).sendFile(relative(this.root, file.path), this.root, { cacheControl: false, contentType: false, etag: true, lastModified: true });
    return true;
  }
}

/** Whether the client takes an HTML page (a navigation) rather than only JSON (a fetch that missed). */
function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return true;
  return /(^|,)\s*(text\/html|text\/\*|\*\/\*)\s*(;|,|$)/i.test(accept) && !/^\s*application\/json\s*(;|$)/i.test(accept);
}
