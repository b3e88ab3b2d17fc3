/**
 * The event names of the gateway's `GET /api/v1/events` (Server-Sent Events); docs/api.md,
 * "Live updates", documents their data. The gateway sends them, the console listens to them.
 * No decorators here: the console's bundle imports this file on its own.
 */
export const LIVE_EVENT_NAMES = [
  'reservation.offered',
  'reservation.expired',
  'case.assigned',
  'case.changed',
  'sla.warning',
  'sla.breached',
  'call.screen-pop',
  'call.changed',
  'wallboard.figures',
] as const;
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];
