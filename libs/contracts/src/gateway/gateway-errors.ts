/** Error codes of the HTTP edge (`AREA.REASON`), for failures that never reach a service. */
export enum GatewayErrorCode {
  /** The body is not valid JSON (or not the declared media type). */
  BODY_MALFORMED = 'REQUEST.MALFORMED',
  /** The body exceeds the gateway's size limit. */
  BODY_TOO_LARGE = 'REQUEST.TOO_LARGE',
  /** Too many requests from this user or address in the current window. */
  RATE_LIMITED = 'REQUEST.RATE_LIMITED',
  /** No route for this method and path. */
  ROUTE_NOT_FOUND = 'ROUTE.NOT_FOUND',
  /** The method is not served on this path or the media type is not accepted. */
  UNSUPPORTED = 'REQUEST.UNSUPPORTED',
  /** The `If-Match` header is not an ETag the gateway issued. */
  PRECONDITION_INVALID = 'REQUEST.PRECONDITION_INVALID',
}
