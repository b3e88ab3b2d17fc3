import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { resolveConsoleFile } from './console-files';

export const CONSOLE_DIRECTORY = Symbol('CONSOLE_DIRECTORY');

/** Paths the gateway itself answers; the console never shadows them. */
const GATEWAY_PATHS = /^\/(api|docs|docs-json|health|metrics)(\/|$)/;

/** Serves the built agent console at `/` with caching headers and the single-page fallback. */
@Injectable()
export class ConsoleFilesMiddleware implements NestMiddleware {
  constructor(@Inject(CONSOLE_DIRECTORY) private readonly root: string | undefined) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.root || (req.method !== 'GET' && req.method !== 'HEAD') || GATEWAY_PATHS.test(req.path)) return next();
    const file = resolveConsoleFile(this.root, req.path, req.accepts(['html', 'json']) === 'html');
    if (!file) return next();
    res.setHeader('Cache-Control', file.cacheControl);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(file.path, { headers: { 'Content-Type': file.contentType }, lastModified: true, etag: true, cacheControl: false }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  }
}
