import { NatsContext, ServerNats } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import type { Msg } from 'nats';
import { Headers } from '@d115/contracts';
import { metrics, runWithContext } from '@d115/observability';
import { Namespace } from '../nats/namespace';

/**
 * Nest's NATS transport with d115's namespace applied to every request subject
 * it subscribes to (queue group = service name, set by the caller). Each handler
 * runs with the caller's correlation id (from the message header, or a new one)
 * and each request's duration and outcome are recorded — in the transport itself,
 * so the HTTP routes of the gateway carry no interceptor for it.
 */
export class D115NatsServer extends ServerNats {
  constructor(
    options: ConstructorParameters<typeof ServerNats>[0],
    private readonly namespace: Namespace,
  ) {
    super(options);
    this.setOnProcessingStartHook((_transport, context, done) => {
      const correlationId = (context as NatsContext).getHeaders?.()?.get(Headers.correlationId) || randomUUID();
      return runWithContext({ correlationId }, done);
    });
  }

  override normalizePattern(pattern: Parameters<ServerNats['normalizePattern']>[0]): string {
    // Nest normalizes both when registering a handler and when looking one up by
    // the (already namespaced) subscription subject: prefix only once.
    const subject = super.normalizePattern(pattern);
    return this.namespace.strip(subject) === subject ? this.namespace.subject(subject) : subject;
  }

  /** The reply of a request, timed from its arrival: `outcome` is `error` for a coded failure. */
  override getPublisher(message: Msg, id: string, context: NatsContext): (response: { err?: unknown }) => unknown {
    const publish = super.getPublisher(message, id, context) as (response: { err?: unknown }) => unknown;
    let stop: ((labels: { outcome: string }) => void) | undefined = metrics.requests.startTimer({ subject: this.namespace.strip(message.subject) });
    return (response) => {
      stop?.({ outcome: response.err === undefined || response.err === null ? 'ok' : 'error' });
      stop = undefined;
      return publish(response);
    };
  }
}
