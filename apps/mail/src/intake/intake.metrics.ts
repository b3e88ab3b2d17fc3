import { Counter, Histogram } from 'prom-client';
import { registry } from '@d115/observability';

export const intakeMetrics = {
  quarantined: new Counter({
    name: 'd115_mail_quarantined_total',
    help: 'Mails kept raw in quarantine because they could not be parsed',
    labelNames: ['source'],
    registers: [registry],
  }),
  duplicates: new Counter({
    name: 'd115_mail_duplicates_total',
    help: 'Mails a mailbox already had (same Message-ID or content hash), stored once',
    labelNames: ['source'],
    registers: [registry],
  }),
  smtpRejected: new Counter({
    name: 'd115_mail_smtp_rejected_total',
    help: 'SMTP commands refused, by reply code',
    labelNames: ['code'],
    registers: [registry],
  }),
  smtpAcceptSeconds: new Histogram({
    name: 'd115_mail_smtp_accept_seconds',
    help: 'From the end of DATA to the 250 (message committed)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  }),
};
