import type { Operation, PathItem } from './path-types';

/**
 * Endpoints the console uses that the gateway's OpenAPI document does not describe
 * yet (knowledge search and feedback, attachments, call figures), typed by hand until they land. The
 * generated document wins for every path it has (see client.ts); a path leaves this
 * file once the gateway publishes it.
 */
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
  '/api/v1/attachments/{id}': PathItem<{ get: Operation<never, { id: string }, never, Blob> }>;
  '/api/v1/knowledge/search': PathItem<{ get: Operation<{ q: string; ars?: string; limit?: number }, never, never, KnowledgeSearchReply> }>;
  '/api/v1/knowledge/feedback': PathItem<{ post: Operation<never, never, { query: string; serviceId: string; ticketId?: string }, { recorded: boolean }> }>;
  '/api/v1/figures/calls': PathItem<{ get: Operation<{ from: string; to: string }, never, never, CallFigures> }>;
}
