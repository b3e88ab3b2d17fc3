/**
 * Error codes of the tickets service (`AREA.REASON`). Request/reply callers get
 * them in `ErrorPayload.code`; the HTTP status of each is in `libs/platform`'s table.
 */
export enum TicketErrorCode {
  NOT_FOUND = 'TICKET.NOT_FOUND',
  ILLEGAL_TRANSITION = 'TICKET.ILLEGAL_TRANSITION',
  VERSION_CONFLICT = 'TICKET.VERSION_CONFLICT',
  /** The case was anonymised and can no longer be changed. */
  ANONYMIZED = 'TICKET.ILLEGAL_ANONYMIZED',
  /** A reply by email needs an address (the citizen's or `to`). */
  NO_RECIPIENT = 'TICKET.INVALID_NO_RECIPIENT',
  /** No authority given, none known by the knowledge service or a routing rule. */
  AUTHORITY_UNKNOWN = 'TICKET.AUTHORITY_UNKNOWN',
  AUTHORITY_NOT_FOUND = 'AUTHORITY.NOT_FOUND',
  AGENT_NOT_FOUND = 'AGENT.NOT_FOUND',
  QUEUE_NOT_FOUND = 'QUEUE.NOT_FOUND',
  /** A queue target expression that does not parse. */
  INVALID_TARGET_EXPRESSION = 'QUEUE.INVALID_TARGET_EXPRESSION',
  RULE_NOT_FOUND = 'ROUTING_RULE.NOT_FOUND',
  RESERVATION_NOT_FOUND = 'RESERVATION.NOT_FOUND',
  /** Accepted, rejected or expired already, or offered to another agent. */
  RESERVATION_CONFLICT = 'RESERVATION.CONFLICT',
  SLA_POLICY_NOT_FOUND = 'SLA_POLICY.NOT_FOUND',
  /** A period whose end is not after its start. */
  INVALID_PERIOD = 'FIGURES.INVALID_PERIOD',
}
