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
import { issueIntegrationToken } from '../../../apps/gateway/src/auth/integration-tokens';
import { ticketsService } from '../../../apps/tickets/src/main';
import { telephonyService } from '../../../apps/telephony/src/main';
import { appointmentsService } from '../../../apps/appointments/src/main';
import { launchBrowser } from './browser';
import { GatewayProcess } from './gateway-process';

export const MAILBOX = '115@rostock.de';
const ADMIN = 'console-test-setup';
/** The telephone system's integration and its token for the gateway's CTI webhook. */
export const CTI_INTEGRATION = 'pbx-test';
const CTI_TOKEN = issueIntegrationToken(CTI_INTEGRATION);
/** The demo agent's telephone (its extension, as telephony maps devices to agents). */
export const DEMO_AGENT_EXTENSION = '2001';

export interface StackOptions {
  /** More settings of the gateway process (its port, an identity provider). */
  gateway?: Record<string, string>;
  /** Telephony (calls from the gateway's CTI webhook; the demo agent at extension 2001). */
  telephony?: boolean;
  /** Appointments with the Rostock demo offices. */
  appointments?: boolean;
}

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

  static async start(options: StackOptions = {}): Promise<ConsoleStack> {
    const services = ['mail', 'tickets', 'knowledge', ...(options.telephony ? ['telephony'] : []), ...(options.appointments ? ['appointments'] : [])];
    const stack = new ConsoleStack(await TestEnvironment.create(services as Parameters<typeof TestEnvironment.create>[0]));
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
    if (options.telephony)
      await stack.env.start(telephonyService, {
        TELEPHONY_SCHEDULER_ENABLED: 'false',
        // Open round the clock, so that every call of the test counts in the service level whenever it runs.
        TELEPHONY_SERVICE_HOURS: JSON.stringify(
          Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ from: '00:00', to: '24:00' }]])),
        ),
        TELEPHONY_AGENT_EXTENSIONS: JSON.stringify({ [DEMO_AGENT_EXTENSION]: 'demo-agent' }),
      });
    if (options.appointments) await stack.env.start(appointmentsService, { APPOINTMENTS_SCHEDULER_ENABLED: 'false' });
    // Wallboard figures every second: the wallboard follows new work within about a second.
    stack.gateway = await GatewayProcess.start(stack.env, {
      WALLBOARD_INTERVAL_SECONDS: '1',
      AUTH_INTEGRATION_TOKENS: CTI_TOKEN.configuration,
      ...options.gateway,
    });
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
  async sendCitizenMail(
    from: string,
    subject: string,
    text: string,
    attachments: { filename: string; content: Buffer; contentType: string }[] = [],
  ): Promise<void> {
    const transport = createTransport({ host: '127.0.0.1', port: this.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from, to: MAILBOX, subject, text, attachments });
    transport.close();
  }

  /** A call event of the telephone system, posted to the gateway's CTI webhook with the integration's token. */
  async cti(event: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.url}/api/v1/cti/${CTI_INTEGRATION}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${CTI_TOKEN.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(event),
    });
    if (response.status !== 202) throw new Error(`CTI webhook: ${response.status} ${await response.text()}`);
  }

  async dispose(): Promise<void> {
    await this.browser?.close();
    await this.gateway?.stop();
    // The services first: the mail relay's pooled connection would hold the sink's close for its idle timeout.
    await this.env.dispose();
    await this.sink?.close();
  }
}
