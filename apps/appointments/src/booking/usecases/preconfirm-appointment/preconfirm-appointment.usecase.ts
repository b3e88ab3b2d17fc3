import { Inject, Injectable } from '@nestjs/common';
import { AppointmentErrorCode, AppointmentView, PreconfirmAppointmentRequest } from '@d115/contracts';
import { Clock, ENV } from '@d115/platform';
import { AppointmentsEnv } from '../../../config/appointments.env';
import { Notifications } from '../../../notifications/notifications';
import { AppointmentsException } from '../../../shared/appointments.exception';
import { BookedUnitsRepository } from '../../../slots/booked-units.repository';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingAccess } from '../../booking-access';
import { BookingSystems } from '../../booking-systems';
import { toAppointmentView } from '../../domain/appointment';
import { requireLiveHold } from '../../domain/booking-rules';

/**
 * The citizen confirms by mail: the hold is extended to
 * APPOINTMENTS_PRECONFIRM_HOLD_MINUTES and a mail with the confirmation link
 * is requested from the mail service, in the same transaction.
 */
@Injectable()
export class PreconfirmAppointmentUsecase {
  constructor(
    private readonly access: BookingAccess,
    private readonly appointments: AppointmentsRepository,
    private readonly units: BookedUnitsRepository,
    private readonly notifications: Notifications,
    private readonly systems: BookingSystems,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  execute(cmd: PreconfirmAppointmentRequest): Promise<AppointmentView> {
    return this.access.change(cmd, async (manager, appointment, office) => {
      const now = this.clock.now();
      requireLiveHold(appointment, now);
      if (!appointment.citizenEmail) throw new AppointmentsException(AppointmentErrorCode.CONTACT_REQUIRED, 'preconfirmation mails a link: set an email first');
      await this.systems.for(office).preconfirm(office, appointment);
      const holdUntil = new Date(now.getTime() + this.env.APPOINTMENTS_PRECONFIRM_HOLD_MINUTES * 60_000);
      const preconfirmed = await this.appointments.patch(manager, appointment, { status: 'preconfirmed', holdUntil }, now);
      await this.units.hold(manager, appointment.id, holdUntil);
      await this.notifications.request(manager, 'preconfirm', preconfirmed, office, now, cmd.authKey);
      return toAppointmentView(preconfirmed, office);
    });
  }
}
