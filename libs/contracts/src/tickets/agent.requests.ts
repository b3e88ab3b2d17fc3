import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsActor, IsChannelCapacity, IsSkillLevels, QUEUE_ID } from './validators';
import type { TicketChannel } from './ticket.events';
import type { TicketView } from './ticket.views';

export const AGENT_PRESENCES = ['available', 'busy', 'away', 'offline'] as const;
export type AgentPresence = (typeof AGENT_PRESENCES)[number];

/** Agent ids as the gateway's identity provider issues them. */
export const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/** `d115.tickets.agent.upsert`: skills with levels, capacity per channel, queues served. */
export class UpsertAgentRequest {
  @IsActor()
  actor!: string;

  @Matches(AGENT_ID)
  agentId!: string;

  @IsString()
  @MaxLength(300)
  name!: string;

  /** e.g. `{ "lang.de": 5, "lang.en": 3, "kfz": 2 }`. */
  @IsSkillLevels()
  skills!: Record<string, number>;

  /** Cases at once per channel, e.g. `{ "phone": 1, "email": 5 }`; a missing channel is 0. */
  @IsChannelCapacity()
  capacity!: Partial<Record<TicketChannel, number>>;

  @IsArray()
  @ArrayMaxSize(100)
  @Matches(QUEUE_ID, { each: true })
  queues!: string[];

  @IsOptional()
  @IsIn(AGENT_PRESENCES)
  presence?: AgentPresence;
}

/** `d115.tickets.agent.presence`: available agents get offers; away/offline ones lose their pending offers. */
export class SetPresenceRequest {
  @IsActor()
  actor!: string;

  @Matches(AGENT_ID)
  agentId!: string;

  @IsIn(AGENT_PRESENCES)
  presence!: AgentPresence;
}

export class GetAgentRequest {
  @IsActor()
  actor!: string;

  @Matches(AGENT_ID)
  agentId!: string;
}

export class ListAgentsRequest {
  @IsActor()
  actor!: string;

  @IsOptional()
  @Matches(QUEUE_ID)
  queue?: string;

  @IsOptional()
  @IsIn(AGENT_PRESENCES)
  presence?: AgentPresence;
}

export interface AgentView {
  id: string;
  name: string;
  presence: AgentPresence;
  skills: Record<string, number>;
  capacity: Partial<Record<TicketChannel, number>>;
  /** Offered (pending reservations) and assigned active cases per channel. */
  load: Partial<Record<TicketChannel, number>>;
  queues: string[];
  /** Queues served whose target expression the agent's skills satisfy. */
  eligibleQueues: string[];
  version: number;
  updatedAt: string;
}

/** `d115.tickets.agent.take-next`: the highest-priority, oldest case the agent may serve, assigned at once. */
export class TakeNextRequest {
  @IsActor()
  actor!: string;

  @Matches(AGENT_ID)
  agentId!: string;
}

/** Reply to take-next: the case now assigned to the agent, or null when none is waiting for them. */
export interface TakeNextReply {
  ticket: TicketView | null;
}

export class AcceptReservationRequest {
  @IsActor()
  actor!: string;

  @IsUUID()
  reservationId!: string;
}

export class RejectReservationRequest {
  @IsActor()
  actor!: string;

  @IsUUID()
  reservationId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListReservationsRequest {
  @IsActor()
  actor!: string;

  @Matches(AGENT_ID)
  agentId!: string;
}

export interface ReservationView {
  id: string;
  ticketId: string;
  number: string;
  agentId: string;
  channel: TicketChannel;
  status: 'pending' | 'accepted' | 'rejected' | 'expired' | 'cancelled';
  createdAt: string;
  expiresAt: string;
}
