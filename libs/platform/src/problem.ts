import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ErrorCode, ErrorPayload, FieldError, GatewayErrorCode } from '@d115/contracts';
import { httpStatusFor } from './http-status';

/** The media type of an RFC 9457 problem document. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Base of the `type` URI of every problem: `urn:d115:problem:<CODE>`. */
export const PROBLEM_TYPE_BASE = 'urn:d115:problem:';

/**
 * An error as an HTTP client sees it (RFC 9457 problem details with our coded error):
 * `type` names the code as a URI, `title` the status, `detail` the message, `errorId`
 * the id in the log; a validation failure lists its fields in `errors`.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errorId: string;
  errors?: FieldError[];
}

export function toProblem(payload: ErrorPayload, errorId: string): Problem {
  const status = httpStatusFor(payload.code);
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${payload.code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code: payload.code,
    detail: payload.message,
    errorId: payload.errorId ?? errorId,
  };
  if (payload.code === ErrorCode.VALIDATION_FAILED && Array.isArray(payload.details)) problem.errors = payload.details as FieldError[];
  return problem;
}

/**
 * The code of an HTTP error raised by the framework rather than by our code (no route,
 * a body the parser refused, a body too large): never guessed beyond these.
 */
export function codeForHttpStatus(status: number): string {
  switch (status) {
    case HttpStatus.NOT_FOUND:
      return GatewayErrorCode.ROUTE_NOT_FOUND;
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return GatewayErrorCode.BODY_TOO_LARGE;
    case HttpStatus.BAD_REQUEST:
      return GatewayErrorCode.BODY_MALFORMED;
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
    case HttpStatus.METHOD_NOT_ALLOWED:
      return GatewayErrorCode.UNSUPPORTED;
    case HttpStatus.UNAUTHORIZED:
      return ErrorCode.UNAUTHENTICATED;
    case HttpStatus.FORBIDDEN:
      return ErrorCode.FORBIDDEN;
    case HttpStatus.TOO_MANY_REQUESTS:
      return GatewayErrorCode.RATE_LIMITED;
    default:
      return ErrorCode.INTERNAL;
  }
}
