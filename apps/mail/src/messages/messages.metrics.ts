import { Counter } from 'prom-client';
import { registry } from '@d115/observability';

export const messageMetrics = {
  received: new Counter({
    name: 'd115_mail_received_total',
    help: 'Mails stored and announced, by classification and source',
    labelNames: ['classification', 'source'],
    registers: [registry],
  }),
};
