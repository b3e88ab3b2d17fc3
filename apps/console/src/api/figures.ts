import { api, data } from './client';

/** What the wallboard shows: case figures of the tickets service, call figures of telephony. */
export const figures = {
  backlog: () => data(api.GET('/api/v1/figures/backlog')),
  occupancy: () => data(api.GET('/api/v1/figures/occupancy')),
  sla: (period: { from: string; to: string }) => data(api.GET('/api/v1/figures/sla', { params: { query: period } })),
};

/** Today in Europe/Berlin as [from, to) instants. */
export function todayInBerlin(now = new Date()): { from: string; to: string } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const offsetOf = (instant: Date) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' }).formatToParts(instant);
    return (parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+01:00').replace('GMT', '') || '+00:00';
  };
  const start = new Date(`${day}T00:00:00${offsetOf(now)}`);
  return { from: start.toISOString(), to: new Date(start.getTime() + 24 * 3600 * 1000).toISOString() };
}
