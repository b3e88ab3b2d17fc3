import { IsDateString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { SlaMetric } from './ticket-lifecycle.events';
import type { TicketState } from './ticket.events';
import { IsActor, QUEUE_ID } from './validators';

/** `d115.tickets.figures.backlog` and `…figures.occupancy`: figures as of now. */
export class CurrentFiguresRequest {
  @IsActor()
  actor!: string;

  @IsOptional()
  @Matches(QUEUE_ID)
  queue?: string;
}

/** `d115.tickets.figures.sla` and `…figures.handling-times`: figures over [from, to). */
export class PeriodFiguresRequest {
  @IsActor()
  actor!: string;

  @IsDateString()
  from!: string;

  @IsDateString()
  to!: string;

  @IsOptional()
  @Matches(QUEUE_ID)
  queue?: string;

  /** Breaches listed at most (default 100). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  limit?: number;
}

export interface WaitingCase {
  ticketId: string;
  number: string;
  queue: string;
  waitingSince: string;
  waitingMinutes: number;
}

export interface BacklogReply {
  asOf: string;
  /** Cases not closed, per queue and state. */
  rows: { queue: string; state: TicketState; count: number }[];
  /** Waiting for an agent (neither reserved nor assigned), per queue. */
  waiting: { queue: string; count: number; oldest: WaitingCase }[];
  oldestWaiting?: WaitingCase;
  /** Clocks whose warning fired and that are neither breached nor met yet: the count, and the first cases by due time. */
  slaWarnings: { count: number; cases: SlaWarningCase[] };
}

export interface SlaWarningCase {
  ticketId: string;
  number: string;
  queue: string;
  metric: SlaMetric;
  dueAt: string;
}

export interface SlaMetricFigures {
  metric: SlaMetric;
  /** Clocks that reached their outcome (met or breached) in the period. */
  total: number;
  onTime: number;
  breached: number;
  /** onTime / total, null when total is 0. */
  onTimeRate: number | null;
}

export interface SlaFiguresReply {
  from: string;
  to: string;
  metrics: SlaMetricFigures[];
  breaches: { ticketId: string; number: string; metric: SlaMetric; queue: string; breachedAt: string }[];
}

export interface HandlingTimesReply {
  from: string;
  to: string;
  /** Business hours from creation to the first answer, pauses excluded, for answers in the period. */
  firstResponse: { count: number; averageBusinessHours: number | null };
  /** Business hours from creation to `answered`, pauses excluded, for cases answered in the period. */
  resolution: { count: number; averageBusinessHours: number | null };
}

export interface AgentOccupancy {
  agentId: string;
  presence: string;
  load: number;
  capacity: number;
  /** load / capacity, null when the capacity is 0. */
  occupancy: number | null;
}

export interface OccupancyReply {
  asOf: string;
  /** Agents not offline. */
  agents: AgentOccupancy[];
  total: { load: number; capacity: number; occupancy: number | null };
}
