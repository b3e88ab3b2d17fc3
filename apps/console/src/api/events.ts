import { useEffect, useRef } from 'react';
import { LIVE_EVENT_NAMES } from '../../../../libs/contracts/src/gateway/live-events';
import { session } from './session';

/** One event of the gateway's stream: its name (`reservation.offered`, `case.changed`, …) and its data. */
export interface LiveEvent {
  type: string;
  data: unknown;
}

type Handler = (event: LiveEvent) => void;
const handlers = new Set<Handler>();
let source: EventSource | undefined;
let poller: ReturnType<typeof setInterval> | undefined;

/** What listeners get every few seconds while the stream is unavailable: "something may have changed". */
export const POLL = 'd115.console.poll';
const POLL_MS = 3000;

// `resync` (not among the names) says events were missed: every listener refreshes, as on a poll.

function dispatch(type: string, message: MessageEvent<string>): void {
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    return;
  }
  handlers.forEach((handler) => handler({ type, data }));
}

/** One EventSource for the whole page (the browser reconnects it by itself); the token travels in the query. */
function connect(): void {
  const token = session.token();
  if (source || !token) return;
  source = new EventSource(`/api/v1/events?access_token=${encodeURIComponent(token)}`);
  for (const name of LIVE_EVENT_NAMES) source.addEventListener(name, (message) => dispatch(name, message));
  source.addEventListener('resync', () => handlers.forEach((handler) => handler({ type: POLL, data: undefined })));
  source.onopen = () => {
    clearInterval(poller);
    poller = undefined;
  };
  // The browser retries a dropped stream by itself; a refused one (CLOSED) it gives up on.
  // Until the stream is back, listeners are polled so that screens still refresh.
  source.onerror = () => {
    if (!session.token()) return disconnect();
    poller ??= setInterval(() => handlers.forEach((handler) => handler({ type: POLL, data: undefined })), POLL_MS);
    if (source?.readyState === EventSource.CLOSED) {
      source = undefined;
      setTimeout(connect, POLL_MS * 5);
    }
  };
}

export function disconnect(): void {
  source?.close();
  source = undefined;
  clearInterval(poller);
  poller = undefined;
}

/** Calls `handler` for every live event whose type matches; the stream opens with the first listener. */
export function useLiveEvents(matches: (type: string) => boolean, handler: Handler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener: Handler = (event) => {
      if (event.type === POLL || matches(event.type)) latest.current(event);
    };
    handlers.add(listener);
    connect();
    return () => {
      handlers.delete(listener);
    };
  }, []);
}
