import { IsArray, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { TICKET_CHANNELS, TICKET_STATES, TicketChannel, TicketState } from './ticket.events';
import { TICKET_NUMBER } from './tickets.subjects';

/** `d115.events.tickets.ticket.updated`: case data changed (field names only, no personal data). */
export class TicketUpdatedEvent {
  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  number!: string;

  @IsInt()
  @Min(1)
  version!: number;

  /** Changed fields, e.g. ['priority', 'queue', 'citizen.email']. */
  @IsArray()
  @IsString({ each: true })
  fields!: string[];

  @IsString()
  queue!: string;

  @IsInt()
  priority!: number;

  @IsString()
  actor!: string;

  /** The agent the case is assigned to, if any (for their live view). */
  @IsOptional()
  @IsString()
  ownerAgentId?: string;
}

/** `d115.events.tickets.ticket.state-changed`. */
export class TicketStateChangedEvent {
  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  number!: string;

  @IsIn(TICKET_STATES)
  from!: TicketState;

  @IsIn(TICKET_STATES)
  to!: TicketState;

  @IsInt()
  @Min(1)
  version!: number;

  @IsString()
  actor!: string;

  @IsOptional()
  @IsString()
  reason?: string;

  /** The agent the case is assigned to, if any (for their live view). */
  @IsOptional()
  @IsString()
  ownerAgentId?: string;
}

/** `d115.events.tickets.ticket.reserved`: the case is offered to an agent until `expiresAt`. */
export class TicketReservedEvent {
  @IsUUID()
  reservationId!: string;

  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  number!: string;

  @IsString()
  agentId!: string;

  @IsString()
  queue!: string;

  @IsIn(TICKET_CHANNELS)
  channel!: TicketChannel;

  @IsInt()
  priority!: number;

  @IsDateString()
  expiresAt!: string;
}

/** `d115.events.tickets.ticket.reservation-expired`: not accepted in time; the case goes to the next agent. */
export class TicketReservationExpiredEvent {
  @IsUUID()
  reservationId!: string;

  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  number!: string;

  @IsString()
  agentId!: string;
}

/** `d115.events.tickets.ticket.assigned`: an agent owns the case now. */
export class TicketAssignedEvent {
  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  number!: string;

  @IsString()
  agentId!: string;

  @IsString()
  queue!: string;

  /** How: an accepted reservation, "take next", or the owner getting a reopened case back. */
  @IsIn(['reservation', 'take-next', 'reopen'])
  via!: 'reservation' | 'take-next' | 'reopen';
}

export const SLA_METRICS = ['first_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** Payload of `d115.events.tickets.sla.warning` and `…sla.breached` (each raised once per case and metric). */
export class SlaEvent {
  @IsUUID()
  ticketId!: string;

  @Matches(TICKET_NUMBER)
  number!: string;

  @IsIn(SLA_METRICS)
  metric!: SlaMetric;

  @IsString()
  queue!: string;

  @IsOptional()
  @IsString()
  ownerAgentId?: string;

  @IsNumber()
  targetMinutes!: number;

  /** The deadline as it stood when the event was raised. */
  @IsDateString()
  dueAt!: string;
}

export class SlaWarningEvent extends SlaEvent {}
export class SlaBreachedEvent extends SlaEvent {}
