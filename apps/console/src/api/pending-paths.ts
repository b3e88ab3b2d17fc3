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
  AuditEntryView,
} from '@d115/contracts';
import type { Operation, PathItem } from './path-types';

/**
 * Endpoints the console uses that the gateway's OpenAPI document does not describe
 * yet, typed from libs/contracts with the paths the gateway branch is building. The
 * generated document wins for every path it has (see client.ts); a path leaves this
 * file once the gateway publishes it.
 */
type CaseId = { id: string };
/** The ETag of the case as last read (`"7"`); a stale one answers 412. */
type IfMatch = { 'If-Match'?: string };
type CaseQuery = { states?: TicketState[]; queue?: string; ownerAgentId?: string; channel?: string; text?: string; limit?: number; cursor?: string };

export type AuthConfig =
  { mode: 'oidc'; issuer: string; clientId: string; scopes: string[] } | { mode: 'demo'; users: { id: string; name: string; roles: string[] }[] };

/** Ranked services for the caller's words (the knowledge service's search, issue 8 part 2). */
export interface KnowledgeSearchReply {
  items: { serviceId: string; leikaKey?: string; name: string; snippet: string; score: number }[];
}

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
  '/api/v1/me': PathItem<{ get: Operation<never, never, never, AgentView> }>;
  '/api/v1/me/presence': PathItem<{ put: Operation<never, never, { presence: AgentPresence }, AgentView> }>;
  '/api/v1/me/take-next': PathItem<{ post: Operation<never, never, never, TakeNextReply> }>;
  '/api/v1/me/reservations': PathItem<{ get: Operation<never, never, never, ReservationView[]> }>;
  '/api/v1/me/reservations/{reservationId}/accept': PathItem<{ post: Operation<never, { reservationId: string }, never, ReservationView> }>;
  '/api/v1/me/reservations/{reservationId}/reject': PathItem<{ post: Operation<never, { reservationId: string }, { reason?: string }, ReservationView> }>;
  '/api/v1/me/cases': PathItem<{ get: Operation<Omit<CaseQuery, 'ownerAgentId'>, never, never, SearchTicketsReply> }>;
  '/api/v1/config/queues': PathItem<{ get: Operation<never, never, never, QueueView[]> }>;
  '/api/v1/cases': PathItem<{ get: Operation<CaseQuery, never, never, SearchTicketsReply> }>;
  '/api/v1/cases/{id}': PathItem<{ get: Operation<never, CaseId, never, TicketDetailView> }>;
  '/api/v1/cases/{id}/history': PathItem<{ get: Operation<never, CaseId, never, AuditEntryView[]> }>;
  '/api/v1/cases/{id}/replies': PathItem<{ post: Operation<never, CaseId, { text: string; subject?: string; channel?: 'email' }, TicketView, IfMatch> }>;
  '/api/v1/cases/{id}/notes': PathItem<{ post: Operation<never, CaseId, { text: string; kind?: 'internal_note' | 'call_note' }, TicketView, IfMatch> }>;
  '/api/v1/cases/{id}/transitions': PathItem<{ post: Operation<never, CaseId, { to: TicketState; reason?: string }, TicketView, IfMatch> }>;
  '/api/v1/cases/{id}/forward': PathItem<{
    post: Operation<never, CaseId, { authority?: { name: string; email: string }; text?: string }, TicketView, IfMatch>;
  }>;
  '/api/v1/attachments/{id}': PathItem<{ get: Operation<never, { id: string }, never, Blob> }>;
  '/api/v1/knowledge/search': PathItem<{ get: Operation<{ q: string; ars?: string; limit?: number }, never, never, KnowledgeSearchReply> }>;
  '/api/v1/knowledge/services/{leikaKey}': PathItem<{ get: Operation<{ ars?: string }, { leikaKey: string }, never, GetServiceReply> }>;
  '/api/v1/knowledge/feedback': PathItem<{ post: Operation<never, never, { query: string; serviceId: string; ticketId?: string }, { recorded: boolean }> }>;
  '/api/v1/figures/backlog': PathItem<{ get: Operation<{ queue?: string }, never, never, BacklogReply> }>;
  '/api/v1/figures/occupancy': PathItem<{ get: Operation<{ queue?: string }, never, never, OccupancyReply> }>;
  '/api/v1/figures/sla': PathItem<{ get: Operation<{ from: string; to: string; queue?: string }, never, never, SlaFiguresReply> }>;
  '/api/v1/figures/calls': PathItem<{ get: Operation<{ from: string; to: string }, never, never, CallFigures> }>;
}
