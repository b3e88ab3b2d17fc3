import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Observable, throwError } from 'rxjs';
import { D115Error, ErrorCode, ErrorPayload, GatewayErrorCode } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { codeForHttpStatus, PROBLEM_MEDIA_TYPE, toProblem } from './problem';

/** Seconds a client should wait before retrying a request to a service that is down. */
const RETRY_AFTER_SECONDS = 2;

/**
 * The one place errors leave a service. Coded errors keep their code; anything
 * unexpected is logged with an id that the caller receives too, and reported as
 * INTERNAL without internals. Request/reply callers get an ErrorPayload, HTTP
 * callers an RFC 9457 problem (`application/problem+json`) with the status their
 * code maps to in the one status table.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = childLogger('errors');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => this.toPayload(exception));
    const response = host.switchToHttp().getResponse<FastifyReply>();
    const errorId = randomUUID();
    const payload = exception instanceof HttpException ? fromHttpException(exception) : (fromServerError(exception) ?? this.toPayload(exception, errorId));
    const problem = toProblem(payload, errorId);
    if (response.sent || response.raw.headersSent) {
      // A stream that fails half-way (the status line is out) can only be cut off.
      response.raw.destroy();
      return;
    }
    if (problem.code === ErrorCode.SERVICE_UNAVAILABLE) response.header('Retry-After', String(RETRY_AFTER_SECONDS));
    if (problem.status === HttpStatus.UNAUTHORIZED) response.header('WWW-Authenticate', 'Bearer');
    response.status(problem.status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(problem));
  }

  private toPayload(exception: unknown, errorId: string = randomUUID()): ErrorPayload {
    if (exception instanceof D115Error) return exception.toPayload();
    this.logger.error({ err: exception, errorId }, 'unexpected error');
    return { code: ErrorCode.INTERNAL, message: `internal error (id ${errorId})`, errorId };
  }
}

/**
 * What the HTTP server refuses before a handler runs — a body over the limit, a media
 * type no parser takes, a broken Content-Length — as the edge's coded errors.
 */
function fromServerError(exception: unknown): ErrorPayload | undefined {
  const { code, statusCode, message } = (exception ?? {}) as { code?: unknown; statusCode?: unknown; message?: string };
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number') return undefined;
  if (statusCode === HttpStatus.PAYLOAD_TOO_LARGE) return { code: GatewayErrorCode.BODY_TOO_LARGE, message: 'the body exceeds the size limit' };
  if (statusCode === HttpStatus.UNSUPPORTED_MEDIA_TYPE) return { code: GatewayErrorCode.UNSUPPORTED, message: 'the body’s media type is not accepted here' };
  if (statusCode === HttpStatus.NOT_FOUND) return { code: GatewayErrorCode.ROUTE_NOT_FOUND, message: message ?? 'no such route' };
  return { code: GatewayErrorCode.BODY_MALFORMED, message: message ?? 'the request is malformed' };
}

function fromHttpException(exception: HttpException): ErrorPayload {
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
  return { code: codeForHttpStatus(exception.getStatus()), message: Array.isArray(message) ? message.join('; ') : String(message) };
}
