import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@d115/contracts';

/**
 * The HTTP status for an error code. Codes are `AREA.REASON`; the reason
 * decides, so feature codes (`TICKET.NOT_FOUND`) map without being listed.
 */
export function httpStatusFor(code: string): HttpStatus {
  switch (code as ErrorCode) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.MESSAGE_MALFORMED:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.CONFLICT:
      return HttpStatus.CONFLICT;
    case ErrorCode.REQUEST_TIMEOUT:
      return HttpStatus.GATEWAY_TIMEOUT;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ErrorCode.HANDLER_FAILED:
    case ErrorCode.INTERNAL:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
  const reason = code.split('.').pop() ?? '';
  if (reason === 'NOT_FOUND') return HttpStatus.NOT_FOUND;
  if (reason === 'CONFLICT' || reason.startsWith('ILLEGAL') || reason.endsWith('_CONFLICT')) return HttpStatus.CONFLICT;
  if (reason.startsWith('INVALID')) return HttpStatus.BAD_REQUEST;
  if (reason === 'FORBIDDEN') return HttpStatus.FORBIDDEN;
  return HttpStatus.UNPROCESSABLE_ENTITY;
}
