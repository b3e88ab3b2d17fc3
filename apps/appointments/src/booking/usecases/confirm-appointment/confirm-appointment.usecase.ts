import { Injectable } from '@nestjs/common';
import { AppointmentConfirmedEvent, AppointmentEvents, AppointmentView, ConfirmAppointmentRequest } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { Notifications } from '../../../notifications/notifications';
import { addressLine } from '../../../offices/office';
import { BookedUnitsRepository } from '../../../slots/booked-units.repository';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingAccess } from '../../booking-access';
import { BookingSystems } from '../../booking-systems';
import { BookingSteps } from '../../booking-steps';
import { eventOf, toAppointmentView } from '../../domain/appointment';
import { requireContact, requireLiveHold } from '../../domain/booking-rules';

/**
 * Books a held slot for good (the citizen's link, or an agent on their behalf):
 * the hold ends, `appointment.confirmed` is written and, with an email address,
 * the confirmation with its iCalendar file is requested. Confirming twice
 * answers the booking unchanged.
 */
@Injectable()
export class ConfirmAppointmentUsecase {
  constructor(
    private readonly access: BookingAccess,
    private readonly appointments: AppointmentsRepository,
    private readonly units: BookedUnitsRepository,
    private readonly steps: BookingSteps,
    private readonly notifications: Notifications,
    private readonly systems: BookingSystems,
    private readonly clock: Clock,
  ) {}

  execute(cmd: ConfirmAppointmentRequest): Promise<AppointmentView> {
    return this.access.change(cmd, async (manager, appointment, office) => {
      if (appointment.status === 'confirmed') return toAppointmentView(appointment, office);
      const now = this.clock.now();
      requireLiveHold(appointment, now);
      requireContact(appointment);
      await this.systems.for(office).confirm(office, appointment);
      const confirmed = await this.appointments.patch(manager, appointment, { status: 'confirmed', holdUntil: null, confirmedAt: now }, now);
      await this.units.hold(manager, appointment.id, null);
      await this.steps.publish<AppointmentConfirmedEvent>(manager, AppointmentEvents.confirmed, confirmed, {
        ...eventOf(confirmed, cmd.actor),
        officeName: office.name,
        officeAddress: addressLine(office.address),
      });
      await this.notifications.request(manager, 'confirmed', confirmed, office, now, cmd.authKey);
      return toAppointmentView(confirmed, office);
    });
  }
}
