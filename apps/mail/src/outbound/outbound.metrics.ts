import { Counter } from 'prom-client';
import { registry } from '@d115/observability';

export const outboundMetrics = {
  sent: new Counter({
    name: 'd115_mail_outbound_total',
    help: 'Outbound mail handed to the relay, by kind and outcome (sent, retry, failed)',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  }),
};
