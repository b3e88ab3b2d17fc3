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
    return this.namespace.subject(super.normalizePattern(pattern));
  }
}
