import { headers as natsHeaders, JetStreamClient, JsMsg } from 'nats';
import { deadLetterSubject, Headers, ServiceName } from '@d115/contracts';
import { metrics } from '@d115/observability';
import { Namespace } from '../nats/namespace';

/** Why a message is given up on. */
export interface DeadLetterReason {
  code: string;
  message: string;
  details?: unknown;
}

/**
 * Publishes the original message, unchanged, to the dead-letter stream with the
 * reason and its origin in headers. Resolves only once JetStream has stored it.
 */
export class DeadLetters {
  constructor(
    private readonly js: JetStreamClient,
    private readonly namespace: Namespace,
    private readonly service: ServiceName,
  ) {}

  async send(consumer: string, message: JsMsg, reason: DeadLetterReason): Promise<void> {
    const h = natsHeaders();
    const correlation = message.headers?.get(Headers.correlationId);
    if (correlation) h.set(Headers.correlationId, correlation);
    h.set(Headers.errorCode, reason.code);
    h.set(Headers.error, oneLine(reason.message).slice(0, 4000));
    h.set(Headers.originalSubject, this.namespace.strip(message.subject));
    h.set(Headers.originalStream, message.info.stream);
    h.set(Headers.originalSequence, String(message.info.streamSequence));
    h.set(Headers.deliveries, String(message.info.deliveryCount));
    h.set(Headers.consumer, consumer);
    h.set(Headers.failedAt, new Date().toISOString());
    await this.js.publish(this.namespace.subject(deadLetterSubject(this.service, consumer)), message.data, {
      headers: h,
      msgID: `${message.info.stream}:${message.info.streamSequence}:${consumer}`,
    });
    metrics.deadLetters.inc({ consumer, code: reason.code });
  }
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
