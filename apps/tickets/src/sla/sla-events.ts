import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { eventAbout, SlaEvent, TicketEvents } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { SlaClock } from './entities/sla-clock.entity';

/** Writes `sla.warning` / `sla.breached` into the outbox (the caller sets the flag in the same transaction). */
@Injectable()
export class SlaEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  async raise(
    manager: EntityManager,
    kind: 'warning' | 'breached',
    clock: SlaClock,
    ticket: { number: string; queueId: string; ownerAgentId: string | null },
    dueAt: Date,
  ): Promise<void> {
    await this.outbox.append<SlaEvent>(manager, {
      subject: kind === 'warning' ? TicketEvents.slaWarning : TicketEvents.slaBreached,
      about: eventAbout('ticket', clock.ticketId),
      data: {
        ticketId: clock.ticketId,
        number: ticket.number,
        metric: clock.metric,
        queue: ticket.queueId,
        ...(ticket.ownerAgentId ? { ownerAgentId: ticket.ownerAgentId } : {}),
        targetMinutes: clock.targetMinutes,
        dueAt: dueAt.toISOString(),
      },
    });
  }
}
