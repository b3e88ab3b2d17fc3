import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Observable, throwError } from 'rxjs';
import { D115Error, ErrorCode, ErrorPayload } from '@d115/contracts';
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
    const response = host.switchToHttp().getResponse<Response>();
    const errorId = randomUUID();
    const problem = toProblem(exception instanceof HttpException ? fromHttpException(exception) : this.toPayload(exception, errorId), errorId);
    if (response.headersSent) {
      response.end();
      return;
    }
    if (problem.code === ErrorCode.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (problem.status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(problem.status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(problem));
  }

  private toPayload(exception: unknown, errorId: string = randomUUID()): ErrorPayload {
    if (exception instanceof D115Error) return exception.toPayload();
    this.logger.error({ err: exception, errorId }, 'unexpected error');
    return { code: ErrorCode.INTERNAL, message: `internal error (id ${errorId})`, errorId };
  }
}

function fromHttpException(exception: HttpException): ErrorPayload {
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
  return { code: codeForHttpStatus(exception.getStatus()), message: Array.isArray(message) ? message.join('; ') : String(message) };
}
