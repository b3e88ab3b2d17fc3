import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventAbout, eventAbout, MailDeliveryFailedEvent, MailSubjects } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { ClassificationResult } from '../../../classification/classification';
import { OutboundRepository } from '../../outbound.repository';

export interface RecordBounceInput {
  /** Id of the stored bounce. */
  bounceMessageId: string;
  result: ClassificationResult;
  /** Ticket of the bounced mail, when threading found it. */
  ticketId?: string;
}

/**
 * A permanent failure reported by a bounce marks the address undeliverable
 * (no more acknowledgments to it) and raises mail.delivery.failed, naming our
 * outbound mail and its request when the bounce returned its Message-ID.
 */
@Injectable()
export class RecordBounceUsecase {
  constructor(
    private readonly repository: OutboundRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(manager: EntityManager, input: RecordBounceInput): Promise<void> {
    const permanent = input.result.failedRecipients.filter((r) => r.kind === 'permanent');
    if (permanent.length === 0) return;
    const original = input.result.originalMessageId ? await this.repository.findByRfcMessageId(manager, input.result.originalMessageId) : null;
    const events: { subject: string; data: MailDeliveryFailedEvent; about?: EventAbout }[] = [];
    for (const failure of permanent) {
      const reason = failure.diagnostic ?? `permanent delivery failure (${failure.status ?? 'no status'})`;
      await this.repository.markUndeliverable(manager, { address: failure.recipient, status: failure.status, reason, bounceMessageId: input.bounceMessageId });
      const ticketId = original?.ticketId ?? input.ticketId;
      events.push({
        subject: MailSubjects.deliveryFailed,
        about: ticketId ? eventAbout('ticket', ticketId) : undefined,
        data: {
          ...(original ? { outboundId: original.id } : {}),
          ...(original?.requestId ? { requestId: original.requestId } : {}),
          ...(ticketId ? { ticketId } : {}),
          recipient: failure.recipient,
          reason,
          ...(failure.status ? { status: failure.status } : {}),
          detectedBy: 'bounce',
        },
      });
    }
    if (original)
      await this.repository.noteBounce(manager, original.id, `bounced: ${permanent.map((p) => `${p.recipient} ${p.status ?? ''}`.trim()).join(', ')}`);
    await this.outbox.append(manager, events);
  }
}
