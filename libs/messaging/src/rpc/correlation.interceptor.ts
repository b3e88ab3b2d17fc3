import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { randomUUID } from 'node:crypto';
import { Headers } from '@d115/contracts';
import { metrics, runWithContext } from '@d115/observability';
import { Namespace } from '../nats/namespace';

/** Runs each request handler with the caller's correlation id and records its duration. */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  constructor(private readonly namespace: Namespace) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const correlationId = nats.getHeaders?.()?.get(Headers.correlationId) || randomUUID();
    const subject = this.namespace.strip(nats.getSubject());
    const stop = metrics.requests.startTimer({ subject });
    return new Observable((subscriber) =>
      runWithContext({ correlationId }, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error) => {
            stop({ outcome: 'error' });
            subscriber.error(error);
          },
          complete: () => {
            stop({ outcome: 'ok' });
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
