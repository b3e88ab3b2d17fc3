import { ServerNats } from '@nestjs/microservices';
import { Namespace } from '../nats/namespace';

/**
 * Nest's NATS transport with d115's namespace applied to every request subject
 * it subscribes to (queue group = service name, set by the caller).
 */
export class D115NatsServer extends ServerNats {
  constructor(
    options: ConstructorParameters<typeof ServerNats>[0],
    private readonly namespace: Namespace,
  ) {
    super(options);
  }

  override normalizePattern(pattern: Parameters<ServerNats['normalizePattern']>[0]): string {
    // Nest normalizes both when registering a handler and when looking one up by
    // the (already namespaced) subscription subject: prefix only once.
    const subject = super.normalizePattern(pattern);
    return this.namespace.strip(subject) === subject ? this.namespace.subject(subject) : subject;
  }
}
