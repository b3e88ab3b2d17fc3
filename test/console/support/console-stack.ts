import { createTransport } from 'nodemailer';
import { Browser } from 'playwright-core';
import { AgentView, TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { DATA_SOURCE, RunningService } from '@d115/platform';
import { TestEnvironment } from '@d115/testing';
import { DataSource } from 'typeorm';
import { CatalogueImporter } from '../../../apps/knowledge/src/import/catalogue-importer';
import { knowledgeService } from '../../../apps/knowledge/src/main';
import { fixture } from '../../../apps/knowledge/test/support/knowledge-kit';
import { mailService } from '../../../apps/mail/src/main';
import { MailEnv } from '../../../apps/mail/src/config/mail.env';
import { SmtpListener } from '../../../apps/mail/src/intake/smtp/smtp-listener';
import { SmtpSink } from '../../../apps/mail/test/support/smtp-sink';
import { ticketsService } from '../../../apps/tickets/src/main';
import { launchBrowser } from './browser';
import { GatewayProcess } from './gateway-process';

export const MAILBOX = '115@rostock.de';
const ADMIN = 'console-test-setup';

/**
 * The real stack the console runs on, started in this process on ephemeral ports in a
 * private database and NATS namespace: the built gateway as a process (serving the built console), tickets,
 * mail (its SMTP intake, replies relayed to an SMTP sink), knowledge (the Rostock demo
 * catalogue and the knowledge tests' LeiKa-keyed one), and a headless Chromium. The demo agents exist in tickets, offline.
 */
export class ConsoleStack {
  gateway!: GatewayProcess;
  mail!: RunningService<MailEnv>;
  sink!: SmtpSink;
  browser!: Browser;
  requests!: RequestClient;

  private constructor(readonly env: TestEnvironment) {}

  /** `gateway`: more settings of the gateway process (its port, an identity provider). */
  static async start(gateway: Record<string, string> = {}): Promise<ConsoleStack> {
    const stack = new ConsoleStack(await TestEnvironment.create(['mail', 'tickets', 'knowledge']));
    stack.sink = await SmtpSink.start();
    const knowledge = await stack.env.start(knowledgeService);
    // Beside the Rostock demo catalogue (no LeiKa keys), the knowledge tests' catalogue: LeiKa-keyed services and offices down to a municipality.
    const report = await new CatalogueImporter(knowledge.app.get<DataSource>(DATA_SOURCE), 'knowledge').importFile(fixture('catalogue.d115.json'));
    if (!('status' in report) || report.status !== 'completed') throw new Error(`catalogue import: ${JSON.stringify(report)}`);
    await stack.env.start(ticketsService, { TICKETS_RESERVATION_TIMEOUT_S: '120', TICKETS_SCHEDULER_TICK_MS: '200' });
    stack.mail = await stack.env.start(mailService, {
      SMTP_PORT: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_RELAY_URL: stack.sink.url,
      MAIL_IMAP_ENABLED: 'false',
      MAIL_OUTBOUND_POLL_MS: '100',
      MAIL_MAILBOXES: JSON.stringify([{ address: MAILBOX, displayName: 'Bürgerservice 115 – Hansestadt Rostock', ars: '130030000000' }]),
    });
    // Wallboard figures every second: the wallboard follows new work within about a second.
    stack.gateway = await GatewayProcess.start(stack.env, { WALLBOARD_INTERVAL_SECONDS: '1', ...gateway });
    stack.requests = new RequestClient(await stack.env.nats(), stack.env.namespace, 10000);
    await stack.requests.request(TicketSubjects.queueUpsert, { actor: ADMIN, queueId: 'general', name: 'Allgemein', reservationTimeoutSeconds: 120 });
    for (const agentId of ['demo-agent', 'demo-supervisor']) {
      await stack.requests.request(TicketSubjects.agentUpsert, {
        actor: ADMIN,
        agentId,
        name: agentId,
        skills: { 'lang.de': 5 },
        capacity: { email: 5, phone: 1 },
        queues: ['general'],
        presence: 'offline',
      });
    }
    stack.browser = await launchBrowser();
    return stack;
  }

  get url(): string {
    return this.gateway.url;
  }

  /** The port the mail service's SMTP intake listens on. */
  get smtpPort(): number {
    return this.mail.app.get(SmtpListener).port;
  }

  /** The agent as tickets knows it (presence, load). */
  agent(agentId: string): Promise<AgentView> {
    return this.requests.request(TicketSubjects.agentGet, { actor: ADMIN, agentId });
  }

  /** A citizen's email, delivered over SMTP to the intake as a mail server would. */
  async sendCitizenMail(from: string, subject: string, text: string): Promise<void> {
    const transport = createTransport({ host: '127.0.0.1', port: this.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from, to: MAILBOX, subject, text });
    transport.close();
  }

  async dispose(): Promise<void> {
    await this.browser?.close();
    await this.gateway?.stop();
    await this.sink?.close();
    await this.env.dispose();
  }
}
