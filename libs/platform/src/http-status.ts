import { HttpStatus } from '@nestjs/common';
import { AnyErrorCode, ErrorCode, GatewayErrorCode, KnowledgeErrorCode, MailErrorCode, TicketErrorCode } from '@d115/contracts';

/**
 * The one code → HTTP status table. It is a `Record` over every code, so a code
 * added to an enum without a status here does not compile.
 */
export const HTTP_STATUS_BY_CODE: Readonly<Record<AnyErrorCode, HttpStatus>> = {
  [ErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [ErrorCode.MESSAGE_MALFORMED]: HttpStatus.BAD_REQUEST,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.REQUEST_TIMEOUT]: HttpStatus.GATEWAY_TIMEOUT,
  [ErrorCode.SERVICE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.HANDLER_FAILED]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,

  [TicketErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TicketErrorCode.ILLEGAL_TRANSITION]: HttpStatus.CONFLICT,
  // The expected version is the HTTP If-Match precondition (ETag = version).
  [TicketErrorCode.VERSION_CONFLICT]: HttpStatus.PRECONDITION_FAILED,
  [TicketErrorCode.ANONYMIZED]: HttpStatus.CONFLICT,
  [TicketErrorCode.NO_RECIPIENT]: HttpStatus.BAD_REQUEST,
  [TicketErrorCode.AUTHORITY_UNKNOWN]: HttpStatus.UNPROCESSABLE_ENTITY,
  [TicketErrorCode.AUTHORITY_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TicketErrorCode.AGENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TicketErrorCode.QUEUE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TicketErrorCode.INVALID_TARGET_EXPRESSION]: HttpStatus.BAD_REQUEST,
  [TicketErrorCode.RULE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TicketErrorCode.RESERVATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TicketErrorCode.RESERVATION_CONFLICT]: HttpStatus.CONFLICT,
  [TicketErrorCode.SLA_POLICY_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TicketErrorCode.INVALID_PERIOD]: HttpStatus.BAD_REQUEST,

  [MailErrorCode.QUARANTINE_NOT_FOUND]: HttpStatus.NOT_FOUND,

  [KnowledgeErrorCode.SERVICE_NOT_FOUND]: HttpStatus.NOT_FOUND,

  [GatewayErrorCode.BODY_MALFORMED]: HttpStatus.BAD_REQUEST,
  [GatewayErrorCode.BODY_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [GatewayErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [GatewayErrorCode.ROUTE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [GatewayErrorCode.UNSUPPORTED]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [GatewayErrorCode.PRECONDITION_INVALID]: HttpStatus.PRECONDITION_FAILED,
};

/**
 * The HTTP status for an error code. A code outside the table (a service newer than
 * this gateway) is answered as an internal error rather than guessed from its name.
 */
export function httpStatusFor(code: string): HttpStatus {
  return Object.hasOwn(HTTP_STATUS_BY_CODE, code) ? HTTP_STATUS_BY_CODE[code as AnyErrorCode] : HttpStatus.INTERNAL_SERVER_ERROR;
}
