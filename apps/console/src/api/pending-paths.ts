import type {
  AgentPresence,
  AgentView,
  BacklogReply,
  GetServiceReply,
  OccupancyReply,
  QueueView,
  ReservationView,
  SearchTicketsReply,
  SlaFiguresReply,
  TakeNextReply,
  TicketDetailView,
  TicketState,
  TicketView,
} from '@d115/contracts';
import type { Operation, PathItem } from './path-types';

/**
 * Endpoints the console uses that the gateway's OpenAPI document does not describe
 * yet, typed from libs/contracts. The generated document wins for every path it has
 * (see client.ts); a path leaves this file as soon as the gateway publishes it.
 */
type Id = { id: string };

/** Ranked services for the caller's words (the knowledge service's search, issue 8 part 2). */
export interface KnowledgeSearchReply {
  items: { serviceId: string; leikaKey?: string; name: string; snippet: string; score: number }[];
}
type Versioned = { expectedVersion?: number };

export type AuthConfig =
  { mode: 'oidc'; issuer: string; clientId: string; scopes: string[] } | { mode: 'demo'; users: { id: string; name: string; roles: string[] }[] };

/** Call figures of the telephony service (issue 9): the 115 service level is answered within 30 s. */
export interface CallFiguresRow {
  offered: number;
  answered: number;
  answeredWithin30s: number;
  abandoned: number;
  resolvedAtFirstContact: number;
  wrappedUp: number;
}
export interface CallFigures {
  today: CallFiguresRow;
  intervals: ({ start: string } & CallFiguresRow)[];
  waiting: number;
  longestWaitSeconds: number;
  queues: ({ queue: string; waiting: number; longestWaitSeconds: number } & CallFiguresRow)[];
}

export interface PendingPaths {
  '/api/v1/auth/config': PathItem<{ get: Operation<never, never, never, AuthConfig> }>;
  '/api/v1/auth/demo-login': PathItem<{ post: Operation<never, never, { userId: string }, { accessToken: string; expiresIn: number }> }>;
  '/api/v1/me': PathItem<{ get: Operation<never, never, never, { id: string; name: string; roles: string[] }> }>;
  '/api/v1/agents/{id}/presence': PathItem<{ put: Operation<never, Id, { presence: AgentPresence }, AgentView> }>;
  '/api/v1/agents/{id}': PathItem<{ get: Operation<never, Id, never, AgentView> }>;
  '/api/v1/agents': PathItem<{ get: Operation<{ queue?: string; presence?: AgentPresence }, never, never, AgentView[]> }>;
  '/api/v1/agents/{id}/reservations': PathItem<{ get: Operation<never, Id, never, ReservationView[]> }>;
  '/api/v1/agents/{id}/take-next': PathItem<{ post: Operation<never, Id, never, TakeNextReply> }>;
  '/api/v1/reservations/{id}/accept': PathItem<{ post: Operation<never, Id, never, ReservationView> }>;
  '/api/v1/reservations/{id}/reject': PathItem<{ post: Operation<never, Id, { reason?: string }, ReservationView> }>;
  '/api/v1/queues': PathItem<{ get: Operation<never, never, never, QueueView[]> }>;
  '/api/v1/tickets': PathItem<{
    get: Operation<
      { states?: TicketState[]; queue?: string; ownerAgentId?: string; channel?: string; text?: string; limit?: number; offset?: number },
      never,
      never,
      SearchTicketsReply
    >;
  }>;
  '/api/v1/tickets/{id}': PathItem<{ get: Operation<never, Id, never, TicketDetailView> }>;
  '/api/v1/tickets/{id}/replies': PathItem<{ post: Operation<never, Id, Versioned & { text: string; subject?: string; channel?: string }, TicketView> }>;
  '/api/v1/tickets/{id}/notes': PathItem<{ post: Operation<never, Id, Versioned & { text: string; kind?: 'internal_note' | 'call_note' }, TicketView> }>;
  '/api/v1/tickets/{id}/transitions': PathItem<{ post: Operation<never, Id, Versioned & { to: TicketState; reason?: string }, TicketView> }>;
  '/api/v1/tickets/{id}/forward': PathItem<{
    post: Operation<never, Id, Versioned & { authority?: { name: string; email: string }; text?: string }, TicketView>;
  }>;
  '/api/v1/attachments/{id}': PathItem<{ get: Operation<never, Id, never, Blob> }>;
  '/api/v1/knowledge/search': PathItem<{ get: Operation<{ q: string; ars?: string; limit?: number }, never, never, KnowledgeSearchReply> }>;
  '/api/v1/knowledge/services/{id}': PathItem<{ get: Operation<{ ars?: string }, Id, never, GetServiceReply> }>;
  '/api/v1/knowledge/feedback': PathItem<{ post: Operation<never, never, { query: string; serviceId: string; ticketId?: string }, { recorded: boolean }> }>;
  '/api/v1/figures/backlog': PathItem<{ get: Operation<{ queue?: string }, never, never, BacklogReply> }>;
  '/api/v1/figures/sla': PathItem<{ get: Operation<{ from: string; to: string; queue?: string }, never, never, SlaFiguresReply> }>;
  '/api/v1/figures/calls': PathItem<{ get: Operation<{ from: string; to: string }, never, never, CallFigures> }>;
  '/api/v1/figures/occupancy': PathItem<{ get: Operation<{ queue?: string }, never, never, OccupancyReply> }>;
}
