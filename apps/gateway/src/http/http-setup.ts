import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { D115Error, GatewayErrorCode } from '@d115/contracts';
import { parseCitizenForm } from '../citizen-appointments/citizen-form';
import { GatewayEnv } from '../config/gateway.env';
import { formFields } from './form-fields';
import { multipartFields } from './multipart-file';

/** Headers a browser client may read and send (ETag/If-Match, rate limits, the next page, SSE resume). */
const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Location', 'Link'];
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Last-Event-ID', 'X-Correlation-Id'];

/** The one route that takes a multipart body, read as a stream by the route itself. */
const MULTIPART_ROUTE = '/api/v1/knowledge/catalogue/imports';

/**
 * Webhooks of outside systems, which post forms as often as JSON: telephone systems in the
 * CTI convention send `application/x-www-form-urlencoded` (sipgate) or `multipart/form-data`
 * (`curl --form`), with lists as `user[]`. Their fields become the same object a JSON body
 * gives, validated against the same contract.
 */
const FORM_WEBHOOK_ROUTES = new Set(['/api/v1/cti/:integration']);
const WEBHOOK_FORM_LIMIT_BYTES = 16 * 1024;
const WEBHOOK_FORM_FIELDS = 50;

/** The HTTP server's routes as registered (method and path), for the check that the OpenAPI document covers them. */
const servedRoutes = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/**
 * The HTTP edge around the routes: security headers (helmet's, set as one object), CORS for the configured
 * origins, and the body parsers — JSON with the size limit (malformed JSON a coded
 * problem), forms only for the citizen pages, multipart only for the catalogue upload
 * (left unread for the route to stream); any other media type is 415.
 */
export function configureHttpEdge(app: NestFastifyApplication, env: GatewayEnv): void {
  const fastify = app.getHttpAdapter().getInstance();
  const routes: { method: string; url: string }[] = [];
  servedRoutes.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  const secure = securityHeaders(
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
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(secure);
    done();
  });
  const origins = env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  app.enableCors({
    origin: origins.includes('*') ? true : origins.length > 0 ? origins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  registerBodyParsers(fastify, env.BODY_LIMIT_BYTES);
}

/**
 * The headers helmet sets, taken once at start-up: with static directives they are the same
 * for every response, so each response gets them as one object instead of through helmet's
 * chain of a dozen middlewares (Fastify's helmet plugin even rebuilt that chain per request).
 */
function securityHeaders(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string) => void (headers[name] = value),
    removeHeader: (name: string) => void delete headers[name],
  };
  let complete = false;
  middleware({} as IncomingMessage, collector as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    complete = true;
  });
  if (!complete) throw new Error('helmet did not finish synchronously: the security headers cannot be taken once');
  return headers;
}

/** TRUST_PROXY as the server takes it: a hop count, or the trusted addresses and subnets; none when empty. */
export function trustedProxies(setting: string): boolean | number | string[] {
  const value = setting.trim();
  if (value === '') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The routes the gateway's HTTP server serves (after start-up). */
export function routesOf(app: NestFastifyApplication): { method: string; url: string }[] {
  return servedRoutes.get(app.getHttpAdapter().getInstance()) ?? [];
}

function registerBodyParsers(fastify: FastifyInstance, limit: number): void {
  fastify.removeAllContentTypeParsers();
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: limit }, (request, body, done) => {
    // No body with a JSON content type (a POST without arguments) is no body, as most servers read it.
    if (body === '') return done(null, undefined);
    json(request, body as string, (error: Error | null, value?: unknown) => {
      if (error || typeof value !== 'object' || value === null) done(new D115Error(GatewayErrorCode.BODY_MALFORMED, 'the body is not a JSON object or array'));
      else done(null, value);
    });
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (request, body, done) => {
    if (request.routeOptions.url?.startsWith('/termin/')) return done(null, parseCitizenForm(body as string));
    if (!FORM_WEBHOOK_ROUTES.has(request.routeOptions.url ?? '')) return done(unsupported(request));
    if (Buffer.byteLength(body as string) > WEBHOOK_FORM_LIMIT_BYTES) {
      return done(new D115Error(GatewayErrorCode.BODY_TOO_LARGE, `the form exceeds ${WEBHOOK_FORM_LIMIT_BYTES} bytes`));
    }
    done(...webhookForm(new URLSearchParams(body as string)));
  });
  fastify.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    if (request.routeOptions.url === MULTIPART_ROUTE) return done(null, undefined);
    if (!FORM_WEBHOOK_ROUTES.has(request.routeOptions.url ?? '')) return done(unsupported(request));
    multipartFields(payload, request.headers['content-type'], WEBHOOK_FORM_LIMIT_BYTES).then(
      (entries) => done(...webhookForm(entries)),
      (error: Error) => done(error),
    );
  });
}

function webhookForm(entries: Iterable<[string, string]>): [D115Error | null, Record<string, string | string[]>?] {
  const fields = formFields(entries, WEBHOOK_FORM_FIELDS);
  return fields ? [null, fields] : [new D115Error(GatewayErrorCode.BODY_MALFORMED, `the form has more than ${WEBHOOK_FORM_FIELDS} fields`)];
}

function unsupported(request: FastifyRequest): D115Error {
  return new D115Error(
    GatewayErrorCode.UNSUPPORTED,
    `${request.headers['content-type']?.split(';')[0]} is not accepted on ${request.routeOptions.url ?? 'this path'}`,
  );
}
