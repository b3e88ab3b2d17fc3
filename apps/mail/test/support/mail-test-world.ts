import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headers as natsHeaders, JetStreamClient, NatsConnection, Subscription } from 'nats';
import { createTransport } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { randomBytes } from 'node:crypto';
import { EventEnvelope, eventTypeOf, TicketSubjects } from '@d115/contracts';
import { RunningService } from '@d115/platform';
import { TestEnvironment, waitFor } from '@d115/testing';
import { MailEnv } from '../../src/config/mail.env';
import { SmtpListener } from '../../src/intake/smtp/smtp-listener';
import { mailService } from '../../src/main';

export const FIXTURES = join(__dirname, '..', 'fixtures');

/** A fixture as bytes, with {{PLACEHOLDER}}s replaced. */
export function fixture(name: string, replace: Record<string, string> = {}): Buffer {
  let text = readFileSync(join(FIXTURES, name)).toString('latin1');
  for (const [key, value] of Object.entries(replace)) text = text.split(`{{${key}}}`).join(value);
  return Buffer.from(text, 'latin1');
}

export const MAILBOXES = [
  { address: '115@rostock.de', displayName: 'Bürgerservice 115 – Hansestadt Rostock', ars: '130030000000', queueHint: 'rostock' },
  { address: 'buergerservice@landkreis-rostock.de', displayName: 'Landkreis Rostock', ars: '130720000000', acknowledgment: { enabled: false } },
];

/**
 * One test file's mail world: a private database and NATS namespace, the mail
 * service started in-process on a free SMTP port, every event it publishes
 * collected from NATS, and an admin SQL connection for checking rows.
 */
export class MailTestWorld {
  readonly events: EventEnvelope[] = [];
  /** Access keys the tickets stand-in issued, by ticket id (the last one per case). */
  readonly issuedKeys = new Map<string, string>();
  private keyIssuer?: Subscription;
  service!: RunningService<MailEnv>;
  sql!: Client;
  nc!: NatsConnection;
  js!: JetStreamClient;
  private subscription?: Subscription;
  private overrides: Record<string, string> = {};

  private constructor(readonly env: TestEnvironment) {}

  static async create(overrides: Record<string, string> = {}): Promise<MailTestWorld> {
    const world = new MailTestWorld(await TestEnvironment.create(['mail']));
    world.sql = await world.env.sql();
    world.nc = await world.env.nats();
    world.js = world.nc.jetstream();
    world.subscription = world.nc.subscribe(world.env.namespace.subject('d115.events.>'));
    void (async () => {
      for await (const message of world.subscription!) world.events.push(message.json<EventEnvelope>());
    })();
    // The tickets service's part of the acknowledgment: it issues the citizen's access key on request.
    world.keyIssuer = world.nc.subscribe(world.env.namespace.subject(TicketSubjects.issueStatusKey), {
      callback: (_error, message) => {
        const packet = JSON.parse(message.string()) as { id: string; data: { ticketId: string } };
        const key = randomBytes(16).toString('base64url');
        world.issuedKeys.set(packet.data.ticketId, key);
        message.respond(JSON.stringify({ id: packet.id, response: { ticketId: packet.data.ticketId, number: '115-2026-000000', key }, isDisposed: true }));
      },
    });
    world.overrides = overrides;
    await world.start();
    return world;
  }

  async start(extra: Record<string, string> = {}): Promise<void> {
    this.service = await this.env.start(mailService, {
      SMTP_PORT: '0',
      SMTP_HOST: '127.0.0.1',
      MAIL_MAILBOXES: JSON.stringify(MAILBOXES),
      MAIL_OUTBOUND_POLL_MS: '50',
      ...this.overrides,
      ...extra,
    });
  }

  async stop(): Promise<void> {
    await this.env.stop(this.service);
  }

  async restart(extra: Record<string, string> = {}): Promise<void> {
    await this.stop();
    await this.start(extra);
  }

  get smtpPort(): number {
    return this.service.app.get(SmtpListener).port;
  }

  /** Delivers raw bytes over SMTP with nodemailer, as a mail server would. Resolves with the server's answer. */
  async deliver(
    raw: Buffer | string,
    envelope: { from?: string; to: string | string[] } = { to: '115@rostock.de' },
    port = this.smtpPort,
  ): Promise<SMTPTransport.SentMessageInfo> {
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      const to = Array.isArray(envelope.to) ? envelope.to : [envelope.to];
      return await transport.sendMail({ envelope: { from: envelope.from ?? 'sender@example.org', to }, raw });
    } finally {
      transport.close();
    }
  }

  /** Events seen so far on a subject (data only). */
  published<T>(subject: string): T[] {
    const type = eventTypeOf(subject);
    return this.events.filter((e) => e.type === type).map((e) => e.data as T);
  }

  waitForEvent<T>(subject: string, match: (data: T) => boolean, what: string): Promise<T> {
    return waitFor(() => this.published<T>(subject).find(match), what);
  }

  /** Publishes an event as another service would (CloudEvents envelope on JetStream). */
  async publish<T>(subject: string, data: T, source = '/d115/tickets'): Promise<string> {
    const id = uuidv7();
    const envelope: EventEnvelope<T> = {
      specversion: '1.0',
      id,
      source,
      type: eventTypeOf(subject),
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: id,
      data,
    };
    const h = natsHeaders();
    h.set('d115-correlation-id', id);
    await this.js.publish(this.env.namespace.subject(subject), JSON.stringify(envelope), { msgID: id, headers: h });
    return id;
  }

  async rows<T = Record<string, unknown>>(query: string, values: unknown[] = []): Promise<T[]> {
    return (await this.sql.query(query, values)).rows as T[];
  }

  async dispose(): Promise<void> {
    this.subscription?.unsubscribe();
    this.keyIssuer?.unsubscribe();
    await this.env.dispose();
  }
}
