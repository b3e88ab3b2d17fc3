import { api, data } from './client';

/** The knowledge side panel: ranked services, a description for a region, the hit that helped. */
export const knowledge = {
  search: (q: string, ars?: string) => data(api.GET('/api/v1/knowledge/search', { params: { query: { q, ars, limit: 10 } } })),
  service: (leikaKey: string, ars?: string) => data(api.GET('/api/v1/knowledge/services/{leikaKey}', { params: { path: { leikaKey }, query: { ars } } })),
  helpful: (query: string, serviceId: string, ticketId?: string) => data(api.POST('/api/v1/knowledge/feedback', { body: { query, serviceId, ticketId } })),
};

/** Asks the open reply form (if any) to take a text module; see case-actions.tsx. */
export const INSERT_TEXT_EVENT = 'd115:insert-text';
export const insertIntoReply = (text: string) => window.dispatchEvent(new CustomEvent<string>(INSERT_TEXT_EVENT, { detail: text }));
