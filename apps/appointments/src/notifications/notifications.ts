import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppointmentEvents, eventAbout, NotificationRequestedEvent } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { ENV } from '@d115/platform';
import { BookingSystems } from '../booking/booking-systems';
import { Appointment } from '../booking/domain/appointment';
import { AppointmentsEnv } from '../config/appointments.env';
import { Office } from '../offices/office';
import { appointmentMail, MailKind } from './appointment-mails';

/** Asks the mail service for a mail to the citizen, in the transaction of the change it reports. */
@Injectable()
export class Notifications {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly systems: BookingSystems,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  /** With the auth key (the step's caller has it), the mail links to the citizen's page: to confirm a hold, or to cancel a booking. */
  async request(manager: EntityManager, kind: MailKind, appointment: Appointment, office: Office, at: Date, authKey?: string): Promise<void> {
    if (!this.systems.for(office).mailsCitizens) return; // a ZMS mails its citizens itself
    const confirmLink = authKey && kind === 'preconfirm' ? this.link(this.env.APPOINTMENTS_CONFIRM_URL, appointment.id, authKey) : undefined;
    const cancelLink =
      authKey && kind !== 'preconfirm' && kind !== 'cancelled' ? this.link(this.env.APPOINTMENTS_CANCEL_URL, appointment.id, authKey) : undefined;
    const mail = appointmentMail(kind, appointment, office, at, { confirmLink, cancelLink, signature: this.env.APPOINTMENTS_SIGNATURE });
    if (!mail) return;
    await this.outbox.append<NotificationRequestedEvent>(manager, {
      subject: AppointmentEvents.notificationRequested,
      about: eventAbout('appointment', appointment.id),
      data: { notificationId: uuidv7(), ...mail },
    });
  }

  private link(page: string, processId: string, authKey: string): string {
    const url = new URL(page);
    url.searchParams.set('processId', processId);
    url.searchParams.set('authKey', authKey);
    return url.toString();
  }
}
