import { HttpStatus } from '@nestjs/common';
import {
  AnyErrorCode,
  AppointmentErrorCode,
  CstaErrorCode,
  ErrorCode,
  GatewayErrorCode,
  KnowledgeErrorCode,
  MailErrorCode,
  TelephonyErrorCode,
  TicketErrorCode,
} from '@d115/contracts';

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
  [MailErrorCode.ATTACHMENT_NOT_FOUND]: HttpStatus.NOT_FOUND,

  [KnowledgeErrorCode.SERVICE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [KnowledgeErrorCode.SEARCH_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [KnowledgeErrorCode.SEARCH_UNKNOWN_SERVICE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [KnowledgeErrorCode.SYNONYM_EMPTY]: HttpStatus.UNPROCESSABLE_ENTITY,

  [GatewayErrorCode.BODY_MALFORMED]: HttpStatus.BAD_REQUEST,
  [GatewayErrorCode.BODY_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [GatewayErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [GatewayErrorCode.ROUTE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [GatewayErrorCode.UNSUPPORTED]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [GatewayErrorCode.PRECONDITION_INVALID]: HttpStatus.PRECONDITION_FAILED,

  [TelephonyErrorCode.CALL_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TelephonyErrorCode.CALL_ALREADY_WRAPPED_UP]: HttpStatus.CONFLICT,
  [TelephonyErrorCode.CALLER_NUMBER_UNAVAILABLE]: HttpStatus.UNPROCESSABLE_ENTITY,

  [AppointmentErrorCode.OFFICE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [AppointmentErrorCode.SERVICE_NOT_OFFERED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AppointmentErrorCode.SERVICES_NOT_COMBINABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AppointmentErrorCode.TOO_MANY_OF_SERVICE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AppointmentErrorCode.INVALID_RANGE]: HttpStatus.BAD_REQUEST,
  [AppointmentErrorCode.SLOT_IN_PAST]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AppointmentErrorCode.SLOT_OUTSIDE_HOURS]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AppointmentErrorCode.SLOT_BEYOND_HORIZON]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AppointmentErrorCode.SLOT_TAKEN]: HttpStatus.CONFLICT,
  [AppointmentErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [AppointmentErrorCode.WRONG_AUTH_KEY]: HttpStatus.FORBIDDEN,
  [AppointmentErrorCode.TOO_MANY_ATTEMPTS]: HttpStatus.TOO_MANY_REQUESTS,
  [AppointmentErrorCode.HOLD_EXPIRED]: HttpStatus.GONE,
  [AppointmentErrorCode.ALREADY_CANCELLED]: HttpStatus.CONFLICT,
  [AppointmentErrorCode.ILLEGAL_STATE]: HttpStatus.CONFLICT,
  [AppointmentErrorCode.CONTACT_REQUIRED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AppointmentErrorCode.INVALID_OFFICE]: HttpStatus.BAD_REQUEST,
  [AppointmentErrorCode.EXTERNAL_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [AppointmentErrorCode.EXTERNAL_REJECTED]: HttpStatus.BAD_GATEWAY,

  [CstaErrorCode.XML_MALFORMED]: HttpStatus.BAD_REQUEST,
  [CstaErrorCode.FRAME_INVALID]: HttpStatus.BAD_REQUEST,
  [CstaErrorCode.EVENT_INCOMPLETE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CstaErrorCode.CALL_UNKNOWN]: HttpStatus.NOT_FOUND,
  [CstaErrorCode.REQUEST_REFUSED]: HttpStatus.BAD_GATEWAY,
};

/**
 * The HTTP status for an error code. A code outside the table (a service newer than
 * this gateway) is answered as an internal error rather than guessed from its name.
 */
export function httpStatusFor(code: string): HttpStatus {
  return Object.hasOwn(HTTP_STATUS_BY_CODE, code) ? HTTP_STATUS_BY_CODE[code as AnyErrorCode] : HttpStatus.INTERNAL_SERVER_ERROR;
}
