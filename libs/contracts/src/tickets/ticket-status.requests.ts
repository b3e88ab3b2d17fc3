import { IsString, IsUUID, Matches } from 'class-validator';
import type { TicketState } from './ticket.events';
import { TICKET_NUMBER } from './tickets.subjects';

/** The per-case access key a citizen gets in the acknowledgment (URL-safe, 22 characters). */
export const STATUS_KEY = /^[A-Za-z0-9_-]{22}$/;

/**
 * `d115.tickets.status`: what a citizen may know of their case, by ticket number and
 * access key, without a login. A wrong key and an unknown number answer alike
 * (TICKET.NOT_FOUND), so neither can be probed.
 */
export class GetTicketStatusRequest {
  @Matches(TICKET_NUMBER)
  number!: string;

  @Matches(STATUS_KEY, { message: 'key must be the access key of the acknowledgment' })
  key!: string;
}

/** What happens next, as the citizen sees it. */
export const NEXT_STEPS = ['in_progress', 'awaiting_citizen', 'with_authority', 'answered', 'closed'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** Only the state, the last change and the next step: no content, no personal data. */
export interface TicketStatusView {
  number: string;
  state: TicketState;
  lastChangedAt: string;
  nextStep: NextStep;
}

/**
 * `d115.tickets.status-key.issue`: the mail service asks for the key while it composes the
 * acknowledgment. The tickets service stores only the key's hash; the key itself travels in
 * this one reply (core NATS, never a stream), so no event, log or outbox row holds it.
 */
export class IssueStatusKeyRequest {
  @IsString()
  actor!: string;

  @IsUUID()
  ticketId!: string;
}

export interface IssuedStatusKey {
  ticketId: string;
  number: string;
  key: string;
}
