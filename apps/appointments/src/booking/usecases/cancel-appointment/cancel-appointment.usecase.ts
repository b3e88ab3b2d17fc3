import { Injectable } from '@nestjs/common';
import { AppointmentCancelledEvent, AppointmentEvents, AppointmentView, CancelAppointmentRequest } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { Notifications } from '../../../notifications/notifications';
import { BookedUnitsRepository } from '../../../slots/booked-units.repository';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingAccess } from '../../booking-access';
import { BookingSystems } from '../../booking-systems';
import { BookingSteps } from '../../booking-steps';
import { eventOf, toAppointmentView } from '../../domain/appointment';
import { requireOpen } from '../../domain/booking-rules';

/** Cancels an open booking: its units are free at once; a confirmed one gets a METHOD:CANCEL mail with the next SEQUENCE. */
@Injectable()
export class CancelAppointmentUsecase {
  constructor(
    private readonly access: BookingAccess,
    private readonly appointments: AppointmentsRepository,
    private readonly units: BookedUnitsRepository,
    private readonly steps: BookingSteps,
    private readonly notifications: Notifications,
    private readonly systems: BookingSystems,
    private readonly clock: Clock,
  ) {}

  execute(cmd: CancelAppointmentRequest): Promise<AppointmentView> {
    return this.access.change(cmd, async (manager, appointment, office) => {
      const now = this.clock.now();
      requireOpen(appointment, now);
      const wasConfirmed = appointment.status === 'confirmed';
      await this.systems.for(office).cancel(office, appointment);
      const cancelled = await this.appointments.patch(
        manager,
        appointment,
        { status: 'cancelled', holdUntil: null, cancelledAt: now, sequence: appointment.sequence + 1 },
        now,
      );
      await this.units.release(manager, appointment.id);
      await this.steps.publish<AppointmentCancelledEvent>(manager, AppointmentEvents.cancelled, cancelled, {
        ...eventOf(cancelled, cmd.actor),
        ...(cmd.reason ? { reason: cmd.reason } : {}),
      });
      if (wasConfirmed) await this.notifications.request(manager, 'cancelled', cancelled, office, now);
      return toAppointmentView(cancelled, office);
    });
  }
}
