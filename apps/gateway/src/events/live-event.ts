/**
 * The event names of `GET /api/v1/events` (Server-Sent Events) and who receives them.
 * docs/api.md, "Live updates", documents names and data; the console consumes them.
 */
import type { LiveEventName } from '@d115/contracts';

export { LIVE_EVENT_NAMES, type LiveEventName } from '@d115/contracts';

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
