import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, with the default Node metrics and d115's own. */
export const registry = new Registry();
let defaultsCollected = false;

export function initMetrics(service: string): void {
  registry.setDefaultLabels({ service });
  if (!defaultsCollected) {
    collectDefaultMetrics({ register: registry });
    defaultsCollected = true;
  }
}

export const metrics = {
  outboxPublished: new Counter({
    name: 'd115_outbox_published_total',
    help: 'Events published from the outbox to JetStream',
    registers: [registry],
  }),
  outboxPending: new Gauge({
    name: 'd115_outbox_pending',
    help: 'Events in the outbox not yet published (as of the last relay pass)',
    registers: [registry],
  }),
  eventsHandled: new Counter({
    name: 'd115_events_handled_total',
    help: 'Events handled by a consumer, by outcome',
    labelNames: ['consumer', 'outcome'],
    registers: [registry],
  }),
  eventHandleSeconds: new Histogram({
    name: 'd115_event_handle_seconds',
    help: 'Time from delivery to commit of a consumed event',
    labelNames: ['consumer'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  }),
  deadLetters: new Counter({
    name: 'd115_dead_letters_total',
    help: 'Messages sent to the dead-letter stream, by consumer and reason code',
    labelNames: ['consumer', 'code'],
    registers: [registry],
  }),
  requests: new Histogram({
    name: 'd115_rpc_server_seconds',
    help: 'Request/reply handling time, by subject and outcome',
    labelNames: ['subject', 'outcome'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [registry],
  }),
};
