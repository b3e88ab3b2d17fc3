import { Counter } from 'prom-client';
import { registry } from '@d115/observability';

/** Telephony's own metrics (beside the platform's). */
export const telephonyMetrics = {
  signals: new Counter({
    name: 'd115_telephony_signals_total',
    help: 'Call signals folded into calls, by kind and whether they changed the call',
    labelNames: ['kind', 'effect'],
    registers: [registry],
  }),
  adapterWarnings: new Counter({
    name: 'd115_telephony_adapter_warnings_total',
    help: 'Input an adapter could not use (garbage, unknown events, half frames), by adapter and code',
    labelNames: ['adapter', 'code'],
    registers: [registry],
  }),
};
