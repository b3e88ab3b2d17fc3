import { Counter, Gauge } from 'prom-client';
import { registry } from '@d115/observability';

export const cstaMetrics = {
  events: new Counter({
    name: 'd115_telephony_csta_events_total',
    help: 'CSTA events received, by telephone system and event type',
    labelNames: ['pbx', 'type'],
    registers: [registry],
  }),
  warnings: new Counter({
    name: 'd115_telephony_csta_warnings_total',
    help: 'CSTA input the adapter could not use (bad frames, malformed XML, incomplete events), by code',
    labelNames: ['pbx', 'code'],
    registers: [registry],
  }),
  connected: new Gauge({
    name: 'd115_telephony_csta_connected',
    help: '1 while the TCP connection to the CSTA server is up and monitoring',
    labelNames: ['pbx'],
    registers: [registry],
  }),
  reconnects: new Counter({
    name: 'd115_telephony_csta_reconnects_total',
    help: 'Connections to the CSTA server lost and opened again',
    labelNames: ['pbx'],
    registers: [registry],
  }),
};
