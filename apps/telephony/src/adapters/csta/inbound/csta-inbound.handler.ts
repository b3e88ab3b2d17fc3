import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CstaInboundMessage, EventEnvelope, TelephonyInbound } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { CallSignal } from '../../../calls/call-signal';
import { AcceptSignalsUsecase } from '../../../calls/usecases/accept-signals/accept-signals.usecase';
import { CstaIngest } from '../csta-ingest';
import { decodeCstaInbound } from './csta-inbound.decoder';

/** Signals remembered per handled message, so a replayed batch folds the same signals again. */
const REMEMBERED = 10_000;

/**
 * CSTA XML documents from JetStream (`d115.inbound.telephony.csta`): folded into the calls in
 * the consumer's transaction. The call state CSTA needs lives in memory, so a batch that is
 * rolled back and replayed (or redelivered) must not run through it twice: the signals of a
 * message are derived once and remembered by its id.
 */
@Injectable()
@EventConsumer({ durable: 'csta-inbound', subjects: [TelephonyInbound.csta], payload: CstaInboundMessage, decode: decodeCstaInbound })
export class CstaInboundHandler implements EventHandler<CstaInboundMessage> {
  private readonly derived = new Map<string, CallSignal[]>();

  constructor(
    private readonly ingest: CstaIngest,
    private readonly calls: AcceptSignalsUsecase,
  ) {}

  async handle(event: EventEnvelope<CstaInboundMessage>, manager: EntityManager): Promise<void> {
    const signals = this.signalsOf(event);
    if (signals.length > 0) await this.calls.fold(manager, signals);
  }

  private signalsOf(event: EventEnvelope<CstaInboundMessage>): CallSignal[] {
    const known = this.derived.get(event.id);
    if (known) return known;
    const { signals } = this.ingest.ingest(event.data.pbx, event.data.xml, new Date(event.time));
    this.derived.set(event.id, signals);
    if (this.derived.size > REMEMBERED) this.derived.delete(this.derived.keys().next().value!);
    return signals;
  }
}
