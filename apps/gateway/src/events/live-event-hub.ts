import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { ConsumerMessages, DeliverPolicy, JetStreamClient } from 'nats';
import { EventEnvelope, SUBJECT_ROOT } from '@d115/contracts';
import { Namespace, STREAMS } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { ENV, JETSTREAM } from '@d115/platform';
import { GatewayEnv } from '../config/gateway.env';
import { EventTranslations } from './event-audience';
import { LiveEvent, Listener, reaches } from './live-event';

interface Client extends Listener {
  response: ServerResponse;
}

interface Kept {
  seq: number;
  at: number;
  event: LiveEvent;
  /** The SSE frame, serialised once for every client it goes to. */
  frame: string;
}

/**
 * Live updates for this gateway instance's SSE clients. One ordered (ephemeral)
 * JetStream consumer per instance reads the events stream from now on, so every
 * instance serves its own clients; each event goes to the clients it concerns. Events
 * are kept SSE_RESUME_SECONDS so a client reconnecting with `Last-Event-ID` gets what
 * it missed; an id from another instance or older than that is answered with
 * `resync` (reload your state). Comments every SSE_HEARTBEAT_SECONDS keep proxies
 * from closing idle connections.
 */
@Injectable()
export class LiveEventHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = childLogger('live-events');
  private readonly instance = randomBytes(4).toString('hex');
  private readonly clients = new Set<Client>();
  private readonly kept: Kept[] = [];
  private seq = 0;
  private messages?: ConsumerMessages;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    private readonly namespace: Namespace,
    @Inject(ENV) private readonly env: GatewayEnv,
    private readonly translations: EventTranslations,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = await this.js.consumers.get(this.namespace.stream(STREAMS.EVENTS.name), {
      filterSubjects: this.namespace.subject(`${SUBJECT_ROOT}.events.>`),
      deliver_policy: DeliverPolicy.New,
    });
    this.messages = await consumer.consume();
    void this.pump(this.messages);
    this.heartbeat = setInterval(() => this.beat(), this.env.SSE_HEARTBEAT_SECONDS * 1000);
    this.heartbeat.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.messages?.close();
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }

  get listeners(): number {
    return this.clients.size;
  }

  get supervisorsListening(): boolean {
    return [...this.clients].some((client) => client.supervisor);
  }

  /** Opens the stream for one client, replaying what it missed since `lastEventId`. */
  attach(listener: Listener, response: ServerResponse, lastEventId: string | undefined): void {
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(`retry: 2000\n\n`);
    const client: Client = { ...listener, response };
    this.replay(client, lastEventId);
    this.clients.add(client);
    response.on('close', () => this.clients.delete(client));
  }

  /** Sends an event that does not come from the stream (wallboard figures). */
  publish(event: LiveEvent): void {
    this.deliver(this.keep(event));
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const message of messages) {
        const subject = this.namespace.strip(message.subject);
        let envelope: EventEnvelope;
        try {
          envelope = message.json<EventEnvelope>();
        } catch {
          continue;
        }
        const event = this.translations.translate(subject, envelope.data);
        if (event) this.deliver(this.keep(event));
      }
    } catch (error) {
      this.logger.error({ err: error }, 'live event consumer stopped');
    }
  }

  private keep(event: LiveEvent): Kept {
    const now = Date.now();
    const seq = ++this.seq;
    const kept = { seq, at: now, event, frame: `id: ${this.instance}:${seq}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n` };
    this.kept.push(kept);
    const horizon = now - this.env.SSE_RESUME_SECONDS * 1000;
    while (this.kept.length > 0 && this.kept[0].at < horizon) this.kept.shift();
    return kept;
  }

  private deliver(kept: Kept): void {
    for (const client of this.clients) if (reaches(kept.event.audience, client)) this.send(client, kept);
  }

  private replay(client: Client, lastEventId: string | undefined): void {
    if (!lastEventId) return;
    const [instance, seqText] = lastEventId.split(':');
    const seq = Number(seqText);
    const oldest = this.kept[0]?.seq ?? this.seq + 1;
    if (instance !== this.instance || !Number.isInteger(seq) || seq + 1 < oldest) {
      client.response.write(`event: resync\ndata: {}\n\n`);
      return;
    }
    for (const kept of this.kept) if (kept.seq > seq && reaches(kept.event.audience, client)) this.send(client, kept);
  }

  private send(client: Client, kept: Kept): void {
    client.response.write(kept.frame);
  }

  private beat(): void {
    const frame = `: heartbeat ${new Date().toISOString()}\n\n`;
    for (const client of this.clients) client.response.write(frame);
  }
}
