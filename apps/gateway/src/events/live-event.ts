/**
 * The event names of `GET /api/v1/events` (Server-Sent Events) and who receives them.
 * docs/api.md, "Live updates", documents names and data; the console consumes them.
 */
export const LIVE_EVENT_NAMES = [
  'reservation.offered',
  'reservation.expired',
  'case.assigned',
  'case.changed',
  'sla.warning',
  'sla.breached',
  'call.screen-pop',
  'wallboard.figures',
] as const;
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];

/** Who gets an event: named agents, agents serving a queue, supervisors. Anyone matching one of them. */
export interface Audience {
  agents?: string[];
  queue?: string;
  supervisors?: boolean;
}

export interface LiveEvent {
  event: LiveEventName;
  data: unknown;
  audience: Audience;
}

/** A connected client as the hub filters for it. */
export interface Listener {
  userId: string;
  supervisor: boolean;
  queues: ReadonlySet<string>;
}

export function reaches(audience: Audience, listener: Listener): boolean {
  if (audience.agents?.includes(listener.userId)) return true;
  if (audience.queue !== undefined && listener.queues.has(audience.queue)) return true;
  return Boolean(audience.supervisors && listener.supervisor);
}
