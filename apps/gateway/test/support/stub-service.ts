import { NatsConnection, Subscription } from 'nats';
import { Namespace } from '@d115/messaging';

type Answer = (data: unknown) => { response?: unknown; err?: unknown } | 'silent';

/**
 * A stand-in that answers one request subject in the Nest NATS wire format, to test the
 * gateway alone (what it sends, how it maps failures). The real services are tested with
 * the gateway in test/flows.
 */
export class StubService {
  readonly received: unknown[] = [];
  private readonly subscription: Subscription;

  /** Subscribes and waits until the server has the subscription, so the next request finds it. */
  static async start(nc: NatsConnection, namespace: Namespace, subject: string, answer: Answer): Promise<StubService> {
    const stub = new StubService(nc, namespace, subject, answer);
    await nc.flush();
    return stub;
  }

  private constructor(
    nc: NatsConnection,
    namespace: Namespace,
    subject: string,
    private readonly answer: Answer,
  ) {
    this.subscription = nc.subscribe(namespace.subject(subject), {
      queue: 'stub',
      callback: (_error, message) => {
        const packet = JSON.parse(message.string()) as { id: string; data: unknown };
        this.received.push(packet.data);
        const reply = this.answer(packet.data);
        if (reply !== 'silent') message.respond(JSON.stringify({ id: packet.id, ...reply, isDisposed: true }));
      },
    });
  }

  stop(): void {
    if (!this.subscription.isClosed()) this.subscription.unsubscribe();
  }
}
