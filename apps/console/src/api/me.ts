import type { AgentPresence } from '@d115/contracts';
import { api, data } from './client';

/** The signed-in agent's own work (`/me`): profile and presence, offers, next case, own cases. */
export const me = {
  profile: () => data(api.GET('/api/v1/me')),
  setPresence: (presence: AgentPresence) => data(api.PUT('/api/v1/me/presence', { body: { presence } })),
  reservations: () => data(api.GET('/api/v1/me/reservations')),
  accept: (reservationId: string) => data(api.POST('/api/v1/me/reservations/{reservationId}/accept', { params: { path: { reservationId } } })),
  reject: (reservationId: string) => data(api.POST('/api/v1/me/reservations/{reservationId}/reject', { params: { path: { reservationId } }, body: {} })),
  takeNext: () => data(api.POST('/api/v1/me/take-next')),
  cases: (states: string[]) => data(api.GET('/api/v1/me/cases', { params: { query: { states: states as never, limit: 100 } } })),
};
