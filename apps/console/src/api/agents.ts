import type { AgentPresence } from '@d115/contracts';
import { api, data } from './client';

/** The signed-in agent's presence, offers and next case. */
export const agents = {
  get: (id: string) => data(api.GET('/api/v1/agents/{id}', { params: { path: { id } } })),
  setPresence: (id: string, presence: AgentPresence) => data(api.PUT('/api/v1/agents/{id}/presence', { params: { path: { id } }, body: { presence } })),
  reservations: (id: string) => data(api.GET('/api/v1/agents/{id}/reservations', { params: { path: { id } } })),
  accept: (reservationId: string) => data(api.POST('/api/v1/reservations/{id}/accept', { params: { path: { id: reservationId } } })),
  reject: (reservationId: string) => data(api.POST('/api/v1/reservations/{id}/reject', { params: { path: { id: reservationId } }, body: {} })),
  takeNext: (id: string) => data(api.POST('/api/v1/agents/{id}/take-next', { params: { path: { id } } })),
  list: () => data(api.GET('/api/v1/agents', {})),
};
