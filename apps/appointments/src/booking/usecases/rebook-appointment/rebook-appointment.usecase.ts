import { Injectable } from '@nestjs/common';
import { AppointmentErrorCode, AppointmentEvents, AppointmentRebookedEvent, AppointmentView, RebookAppointmentRequest } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { Notifications } from '../../../notifications/notifications';
import { OfficeCalendars } from '../../../offices/office-calendars';
import { planServices } from '../../../offices/service-plan';
import { AppointmentsException } from '../../../shared/appointments.exception';
import { BookedUnitsRepository } from '../../../slots/booked-units.repository';
import { bookingWindow } from '../../../slots/booking-window';
import { checkStart } from '../../../slots/slot-grid';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingAccess } from '../../booking-access';
import { BookingSteps } from '../../booking-steps';
import { BookingSystems } from '../../booking-systems';
import { eventOf, toAppointmentView } from '../../domain/appointment';
import { requireOpen } from '../../domain/booking-rules';

/**
 * Moves an open booking to another start at its office, in one transaction:
 * the old units are given up and the new ones taken (SLOT_TAKEN leaves the old
 * booking as it was). Same process id and UID, SEQUENCE + 1; a confirmed
 * booking gets the updated iCalendar REQUEST.
 */
@Injectable()
export class RebookAppointmentUsecase {
  constructor(
    private readonly access: BookingAccess,
    private readonly appointments: AppointmentsRepository,
    private readonly calendars: OfficeCalendars,
    private readonly units: BookedUnitsRepository,
    private readonly steps: BookingSteps,
    private readonly notifications: Notifications,
    private readonly systems: BookingSystems,
    private readonly clock: Clock,
  ) {}

  execute(cmd: RebookAppointmentRequest): Promise<AppointmentView> {
    const start = new Date(cmd.start);
    return this.access.change(cmd, async (manager, appointment, office) => {
      const now = this.clock.now();
      requireOpen(appointment, now);
      if (!this.systems.for(office).movable)
        throw new AppointmentsException(AppointmentErrorCode.ILLEGAL_STATE, 'a ZMS booking is moved by cancelling and reserving anew');
      const plan = planServices(office, appointment.services);
      const calendar = this.calendars.for(office);
      checkStart(calendar, office, plan, start, now, bookingWindow(office, calendar, now));
      await this.units.release(manager, appointment.id);
      const counter = await this.steps.take(manager, office, start, plan.units, appointment.id, appointment.holdUntil, now);
      const moved = await this.appointments.patch(
        manager,
        appointment,
        { startsAt: start, endsAt: new Date(start.getTime() + plan.durationMinutes * 60_000), counter, sequence: appointment.sequence + 1 },
        now,
      );
      await this.steps.publish<AppointmentRebookedEvent>(manager, AppointmentEvents.rebooked, moved, {
        ...eventOf(moved, cmd.actor),
        previousStartsAt: appointment.startsAt.toISOString(),
      });
      if (moved.status === 'confirmed') await this.notifications.request(manager, 'rebooked', moved, office, now, cmd.authKey);
      return toAppointmentView(moved, office);
    });
  }
}
