import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Observable, throwError } from 'rxjs';
import { D115Error, ErrorCode, ErrorPayload } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { httpStatusFor } from './http-status';

/**
 * The one place errors leave a service. Coded errors keep their code; anything
 * unexpected is logged with an id that the caller receives too, and reported as
 * INTERNAL without internals. Request/reply callers get an ErrorPayload, HTTP
 * callers the same body with the status their code maps to.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = childLogger('errors');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => this.toPayload(exception));
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      response.status(status).json({ code: `HTTP.${status}`, message: Array.isArray(message) ? message.join('; ') : String(message) });
      return;
    }
    const payload = this.toPayload(exception);
    response.status(httpStatusFor(payload.code)).json(payload);
  }

  private toPayload(exception: unknown): ErrorPayload {
    if (exception instanceof D115Error) return exception.toPayload();
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unexpected error');
    return { code: ErrorCode.INTERNAL, message: `internal error (id ${errorId})`, errorId };
  }
}
