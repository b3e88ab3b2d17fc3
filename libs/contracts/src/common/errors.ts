/**
 * Error codes shared by every service. Feature-specific codes live beside the
 * feature's contract (e.g. `TicketErrorCode`) and follow the same `AREA.REASON` form.
 */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION.FAILED',
  REQUEST_TIMEOUT = 'REQUEST.TIMEOUT',
  SERVICE_UNAVAILABLE = 'SERVICE.UNAVAILABLE',
  NOT_FOUND = 'RESOURCE.NOT_FOUND',
  CONFLICT = 'RESOURCE.CONFLICT',
  FORBIDDEN = 'AUTH.FORBIDDEN',
  UNAUTHENTICATED = 'AUTH.UNAUTHENTICATED',
  MESSAGE_MALFORMED = 'MESSAGE.MALFORMED',
  HANDLER_FAILED = 'MESSAGE.HANDLER_FAILED',
  INTERNAL = 'INTERNAL',
}

/** The shape every failed request/reply carries back to its caller. */
export interface ErrorPayload {
  code: string;
  message: string;
  details?: unknown;
  /** Set for unexpected errors; the same id is in the service's log. */
  errorId?: string;
}

/** An error with a code, thrown by use cases and rethrown on the caller's side of a request. */
export class D115Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly errorId?: string,
  ) {
    super(message);
    this.name = 'D115Error';
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, details: this.details, errorId: this.errorId };
  }

  static isPayload(value: unknown): value is ErrorPayload {
    return (
      typeof value === 'object' && value !== null && typeof (value as ErrorPayload).code === 'string' && typeof (value as ErrorPayload).message === 'string'
    );
  }
}

/** A request that got no answer in time, or found nobody listening. */
export class RequestFailedError extends D115Error {
  constructor(
    code: ErrorCode.REQUEST_TIMEOUT | ErrorCode.SERVICE_UNAVAILABLE,
    readonly subject: string,
    readonly timeoutMs: number,
    message: string,
  ) {
    super(code, message, { subject, timeoutMs });
    this.name = 'RequestFailedError';
  }
}

/** One field that failed validation. */
export interface FieldError {
  path: string;
  constraints: string[];
}
