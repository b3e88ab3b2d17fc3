import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { ErrorPayload, GatewayErrorCode } from '@d115/contracts';
import { PROBLEM_MEDIA_TYPE, toProblem } from '@d115/platform';
import { GatewayEnv } from '../config/gateway.env';

/** Headers a browser client may read and send (ETag/If-Match, rate limits, SSE resume). */
const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Location'];
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Last-Event-ID', 'X-Correlation-Id'];

/**
 * The HTTP edge around the routes: security headers (helmet), CORS for the configured
 * origins, a JSON body parser with the size limit, and body-parser failures (malformed
 * JSON, too large) as coded problems instead of the framework's default page.
 */
export function configureHttpEdge(app: INestApplication, env: GatewayEnv): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  // ETags are case versions (If-Match), never Express's body hashes.
  express.set('etag', false);
  express.set('trust proxy', env.TRUST_PROXY === '' ? false : env.TRUST_PROXY);
  express.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // blob: for a case's image attachments, fetched with the agent's token and shown from memory.
          'img-src': ["'self'", 'data:', 'blob:'],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          // The console signs in at the identity provider itself (discovery and the PKCE code exchange are fetches).
          'connect-src': ["'self'", ...(env.AUTH_ISSUER ? [new URL(env.AUTH_ISSUER).origin] : [])],
        },
      },
    }),
  );
  const origins = env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  express.enableCors({
    origin: origins.includes('*') ? true : origins.length > 0 ? origins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  express.useBodyParser('json', { limit: env.BODY_LIMIT_BYTES, strict: true });
  express.use(bodyParserFailure);
}

function bodyParserFailure(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  const type = (error as { type?: string })?.type;
  if (type !== 'entity.parse.failed' && type !== 'entity.too.large' && type !== 'encoding.unsupported' && type !== 'charset.unsupported') {
    next(error);
    return;
  }
  const payload: ErrorPayload =
    type === 'entity.too.large'
      ? { code: GatewayErrorCode.BODY_TOO_LARGE, message: `the body exceeds ${(error as { limit?: number }).limit} bytes` }
      : type === 'entity.parse.failed'
        ? { code: GatewayErrorCode.BODY_MALFORMED, message: 'the body is not valid JSON' }
        : { code: GatewayErrorCode.UNSUPPORTED, message: 'the body encoding is not supported' };
  const problem = toProblem(payload, randomUUID());
  response.status(problem.status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(problem));
}
