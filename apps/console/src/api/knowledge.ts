import { api, data } from './client';
import type { Schema } from './schemas';

export type SearchReply = Schema<'SearchReply'>;
export type ServiceReply = Schema<'GetServiceReply'>;

/** The knowledge side panel: ranked services, a description for a region, the hit that helped. */
export const knowledge = {
  search: (query: string, ars?: string) => data(api.GET('/api/v1/knowledge/search', { params: { query: { query, ars, limit: 10 } } })),
  /** By LeiKa key (national services) or, for a hit without one, by the catalogue's id. */
  service: (key: { leikaKey: string } | { serviceId: string }, ars?: string) =>
    'leikaKey' in key
      ? data(api.GET('/api/v1/knowledge/services/{leikaKey}', { params: { path: key, query: { ars } } }))
      : data(api.GET('/api/v1/knowledge/services/by-id/{serviceId}', { params: { path: key, query: { ars } } })),
  helpful: (searchId: string, serviceId: string) => data(api.POST('/api/v1/knowledge/search/feedback', { body: { searchId, serviceId, helpful: true } })),
};

/** Asks the open reply form (if any) to take a text module; see case-actions.tsx. */
export const INSERT_TEXT_EVENT = 'd115:insert-text';
export const insertIntoReply = (text: string) => window.dispatchEvent(new CustomEvent<string>(INSERT_TEXT_EVENT, { detail: text }));

/** Asks the open case or wrap-up (if any) to open its appointment handoff for the service just opened. */
export const OPEN_APPOINTMENT_EVENT = 'd115:open-appointment';
export const openAppointment = () => window.dispatchEvent(new Event(OPEN_APPOINTMENT_EVENT));

/** Calls `open` whenever the knowledge panel asks for the appointment handoff. */
export function onOpenAppointment(open: () => void): () => void {
  window.addEventListener(OPEN_APPOINTMENT_EVENT, open);
  return () => window.removeEventListener(OPEN_APPOINTMENT_EVENT, open);
}
