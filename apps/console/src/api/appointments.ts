import { api, data } from './client';

/** Appointment handoff through the gateway: offices, free starts, reserve, the citizen's data, confirm. */
export const appointments = {
  offices: (serviceId: string) => data(api.GET('/api/v1/appointments/offices', { params: { query: { serviceId } } })),
  availability: (officeId: string, serviceId: string) =>
    data(api.POST('/api/v1/appointments/availability', { body: { officeIds: [officeId], services: [{ serviceId }] } })),
  reserve: (officeId: string, serviceId: string, start: string, origin: { ticketId?: string; callId?: string }) =>
    data(api.POST('/api/v1/appointments', { body: { officeId, services: [{ serviceId }], start, origin } })),
  setCitizen: (processId: string, authKey: string, citizen: { name?: string; email?: string; phone?: string }) =>
    data(api.PATCH('/api/v1/appointments/{processId}', { params: { path: { processId } }, body: { authKey, ...citizen } })),
  confirm: (processId: string, authKey: string) =>
    data(api.POST('/api/v1/appointments/{processId}/confirm', { params: { path: { processId } }, body: { authKey } })),
};
