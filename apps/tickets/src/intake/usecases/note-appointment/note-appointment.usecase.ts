import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppointmentConfirmedEvent } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { CasesRepository } from '../../../cases/cases.repository';
import { TicketWorkflow } from '../../../cases/ticket-workflow';
import { TimelineRepository } from '../../../timeline/timeline.repository';

export type AppointmentNoteOutcome = 'noted' | 'no-case' | 'anonymized';

/** "10:00 Uhr" style local time of Rostock for the note. */
const berlin = (iso: string) =>
  new Date(iso).toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * A confirmed appointment booked from a case gets an internal note on that
 * case (where and when, the process id), so the agent sees it and may close
 * the case. Bookings from a call without a case, or for a case that no longer
 * exists or was anonymised, are acknowledged without a note.
 */
@Injectable()
export class NoteAppointmentUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly workflow: TicketWorkflow,
    private readonly timeline: TimelineRepository,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, event: AppointmentConfirmedEvent): Promise<AppointmentNoteOutcome> {
    const found = event.ticketId
      ? await this.cases.find(manager, event.ticketId)
      : event.ticketNumber
        ? await this.cases.findByNumber(manager, event.ticketNumber)
        : null;
    if (!found) return 'no-case';
    if (found.anonymizedAt) return 'anonymized';
    const ticket = await this.workflow.loadForChange(manager, found.id);
    const body = `Termin gebucht: ${berlin(event.startsAt)} Uhr, ${event.officeName}, ${event.officeAddress}. Leistungen: ${event.services
      .map((s) => (s.count > 1 ? `${s.count} × ${s.serviceId}` : s.serviceId))
      .join(', ')}. Vorgangsnummer: ${event.processId}.`;
    const article = await this.timeline.add(manager, {
      ticketId: ticket.id,
      kind: 'internal_note',
      author: 'system:appointments',
      body,
      createdAt: this.clock.now(),
    });
    await this.workflow.touched(manager, ticket, 'system:appointments', 'articles', { action: 'appointment-confirmed', newValue: article.id });
    return 'noted';
  }
}
