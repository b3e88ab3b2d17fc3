import type { Operation, PathItem } from './path-types';

/**
 * Endpoints the console uses that the gateway's OpenAPI document does not describe
 * yet (knowledge search and feedback, attachments, telephony, appointments), typed by hand after the
 * contracts on the services' branches until they land. The
 * generated document wins for every path it has (see client.ts); a path leaves this
 * file once the gateway publishes it.
 */
/** Ranked services for the caller's words (the knowledge service's `SearchReply`, h/ksearch). */
export interface KnowledgeSearchReply {
  /** The logged search, named again when the agent marks the hit that helped. */
  searchId: string;
  hits: {
    serviceId: string;
    sourceId: string;
    leika?: string;
    name: string;
    /** Plain text with the matched words in `<mark>`; everything else HTML-escaped. */
    snippet: string;
    score: number;
  }[];
  total: number;
  didYouMean?: string;
}

/** Telephony's 115 figures of one period (its contract `ServiceLevelFigures`, h/tel); percentages 0–100. */
export interface ServiceLevelFigures {
  start: string;
  end: string;
  queue: string | null;
  offered: number;
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  avgWait: number | null;
  serviceLevel: number | null;
  wrappedUp: number;
  resolvedAtFirstContact: number;
  firstContactResolution: number | null;
}
export interface ServiceLevelReply {
  thresholdSeconds: number;
  periods: ServiceLevelFigures[];
}
/** A call in progress as telephony lists it (waiting calls have no agent yet). */
export interface LiveCall {
  callId: string;
  queue?: string | null;
  agentId?: string | null;
  offeredAt?: string;
  answeredAt?: string | null;
}

export type CallOutcome = 'resolved' | 'callback' | 'forwarded' | 'appointment';
export interface WrapUpBody {
  outcome: CallOutcome;
  note: string;
  callback?: { preferredChannel: 'phone' | 'email'; number?: string; useCallerNumber?: boolean; email?: string };
  leikaKey?: string;
  ars?: string;
  citizenName?: string;
}

/** Appointments (its contracts, h/appt): offices for a service, free starts, reserve → citizen → confirm. */
export interface OfficeSummary {
  officeId: string;
  name: string;
  address: { street?: string; houseNumber?: string; postalCode?: string; city?: string };
}
export interface AvailabilityReply {
  offices: { officeId: string; durationMinutes: number; days: { date: string; starts: string[] }[] }[];
}
export interface AppointmentView {
  processId: string;
  status: string;
  officeId: string;
  officeName: string;
  startsAt: string;
  endsAt: string;
  authKey?: string;
}

export interface PendingPaths {
  '/api/v1/attachments/{id}': PathItem<{ get: Operation<never, { id: string }, never, Blob> }>;
  '/api/v1/knowledge/search': PathItem<{ get: Operation<{ query: string; ars?: string; limit?: number }, never, never, KnowledgeSearchReply> }>;
  '/api/v1/knowledge/search/{searchId}/feedback': PathItem<{
    post: Operation<never, { searchId: string }, { serviceId: string; helpful: boolean }, { searchId: string; recorded: true }>;
  }>;
  '/api/v1/figures/service-level': PathItem<{
    get: Operation<{ from: string; to: string; granularity?: 'interval' | 'day' | 'total'; queue?: string }, never, never, ServiceLevelReply>;
  }>;
  '/api/v1/calls': PathItem<{ get: Operation<{ state: 'live' | 'recent' }, never, never, { calls: LiveCall[] }> }>;
  '/api/v1/calls/{callId}/wrap-up': PathItem<{
    post: Operation<never, { callId: string }, WrapUpBody, { callId: string; outcome: CallOutcome; wrappedUpAt: string }>;
  }>;
  '/api/v1/appointments/offices': PathItem<{ get: Operation<{ serviceId?: string }, never, never, OfficeSummary[]> }>;
  '/api/v1/appointments/availability': PathItem<{
    get: Operation<{ officeIds: string[]; serviceIds: string[]; from?: string; to?: string }, never, never, AvailabilityReply>;
  }>;
  '/api/v1/appointments': PathItem<{
    post: Operation<
      never,
      never,
      {
        officeId: string;
        services: { serviceId: string; count?: number }[];
        start: string;
        origin?: { ticketId?: string; ticketNumber?: string; callId?: string };
      },
      AppointmentView
    >;
  }>;
  '/api/v1/appointments/{processId}': PathItem<{
    patch: Operation<never, { processId: string }, { authKey: string; citizen: { name?: string; email?: string; phone?: string } }, AppointmentView>;
  }>;
  '/api/v1/appointments/{processId}/confirm': PathItem<{ post: Operation<never, { processId: string }, { authKey: string }, AppointmentView> }>;
}
