import type { TicketState } from '@d115/contracts';
import { api, data } from './client';

export interface TicketQuery {
  states?: TicketState[];
  queue?: string;
  ownerAgentId?: string;
  text?: string;
  limit?: number;
}

/** Cases: lists, one case, and the commands on it (each with the version the agent saw). */
export const tickets = {
  search: (query: TicketQuery) => data(api.GET('/api/v1/tickets', { params: { query } })),
  get: (id: string) => data(api.GET('/api/v1/tickets/{id}', { params: { path: { id } } })),
  queues: () => data(api.GET('/api/v1/queues', {})),
  reply: (id: string, expectedVersion: number, text: string, subject?: string) =>
    data(api.POST('/api/v1/tickets/{id}/replies', { params: { path: { id } }, body: { expectedVersion, text, subject, channel: 'email' } })),
  note: (id: string, expectedVersion: number, text: string) =>
    data(api.POST('/api/v1/tickets/{id}/notes', { params: { path: { id } }, body: { expectedVersion, text, kind: 'internal_note' } })),
  transition: (id: string, expectedVersion: number, to: TicketState) =>
    data(api.POST('/api/v1/tickets/{id}/transitions', { params: { path: { id } }, body: { expectedVersion, to } })),
  forward: (id: string, expectedVersion: number, authority: { name: string; email: string } | undefined, text: string) =>
    data(api.POST('/api/v1/tickets/{id}/forward', { params: { path: { id } }, body: { expectedVersion, authority, text } })),
};
