import { api, data } from './client';

/** The knowledge side panel: ranked services, a description for a region, the hit that helped. */
export const knowledge = {
  search: (query: string, ars?: string) => data(api.GET('/api/v1/knowledge/search', { params: { query: { query, ars, limit: 10 } } })),
  service: (leikaKey: string, ars?: string) => data(api.GET('/api/v1/knowledge/services/{leikaKey}', { params: { path: { leikaKey }, query: { ars } } })),
  helpful: (searchId: string, serviceId: string) =>
    data(api.POST('/api/v1/knowledge/search/{searchId}/feedback', { params: { path: { searchId } }, body: { serviceId, helpful: true } })),
};

/** Asks the open reply form (if any) to take a text module; see case-actions.tsx. */
export const INSERT_TEXT_EVENT = 'd115:insert-text';
export const insertIntoReply = (text: string) => window.dispatchEvent(new CustomEvent<string>(INSERT_TEXT_EVENT, { detail: text }));
