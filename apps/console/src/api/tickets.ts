import type { TicketChannel, TicketState } from '@d115/contracts';
import { api, data } from './client';

export interface TicketQuery {
  states?: TicketState[];
  queue?: string;
  channel?: TicketChannel;
  text?: string;
  limit?: number;
}

/** The version the agent saw as the case's ETag: the gateway answers 412 when it is stale. */
const seen = (version: number) => ({ 'If-Match': `"${version}"` });

/** Cases: lists, one case, and the commands on it (each with the version the agent saw). */
export const tickets = {
  search: (query: TicketQuery) => data(api.GET('/api/v1/cases', { params: { query } })),
  get: (id: string) => data(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  history: (id: string) => data(api.GET('/api/v1/cases/{id}/history', { params: { path: { id } } })),
  reply: (id: string, version: number, text: string, subject?: string) =>
    data(api.POST('/api/v1/cases/{id}/replies', { params: { path: { id }, header: seen(version) }, body: { text, subject, channel: 'email' } })),
  note: (id: string, version: number, text: string) =>
    data(api.POST('/api/v1/cases/{id}/notes', { params: { path: { id }, header: seen(version) }, body: { text, kind: 'internal_note' } })),
  transition: (id: string, version: number, to: TicketState) =>
    data(api.POST('/api/v1/cases/{id}/transitions', { params: { path: { id }, header: seen(version) }, body: { to } })),
  forward: (id: string, version: number, authority: { name: string; email: string } | undefined, text: string) =>
    data(api.POST('/api/v1/cases/{id}/forward', { params: { path: { id }, header: seen(version) }, body: { authority, text: text || undefined } })),
};
