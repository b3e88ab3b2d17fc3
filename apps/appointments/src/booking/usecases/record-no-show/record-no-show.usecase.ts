import { Injectable } from '@nestjs/common';
import { AppointmentErrorCode, AppointmentEvents, AppointmentNoShowEvent, AppointmentView, RecordNoShowRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AppointmentsException } from '../../../shared/appointments.exception';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingAccess } from '../../booking-access';
import { BookingSteps } from '../../booking-steps';
import { eventOf, toAppointmentView } from '../../domain/appointment';

/** The office records that the citizen did not come: only a confirmed appointment of that office, once it has begun. */
@Injectable()
export class RecordNoShowUsecase {
  constructor(
    private readonly access: BookingAccess,
    private readonly appointments: AppointmentsRepository,
    private readonly steps: BookingSteps,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: RecordNoShowRequest): Promise<AppointmentView> {
    return this.transactions.run(async (manager) => {
      const { appointment, office } = await this.access.lock(manager, cmd.processId);
      if (appointment.officeId !== cmd.officeId)
        throw new AppointmentsException(AppointmentErrorCode.NOT_FOUND, `no appointment ${cmd.processId} at ${cmd.officeId}`);
      const now = this.clock.now();
      if (appointment.status !== 'confirmed') throw new AppointmentsException(AppointmentErrorCode.ILLEGAL_STATE, `the appointment is ${appointment.status}`);
      if (appointment.startsAt > now) throw new AppointmentsException(AppointmentErrorCode.ILLEGAL_STATE, 'the appointment has not begun yet');
      const missed = await this.appointments.patch(manager, appointment, { status: 'no_show' }, now);
      await this.steps.publish<AppointmentNoShowEvent>(manager, AppointmentEvents.noShow, missed, eventOf(missed, cmd.actor));
      return toAppointmentView(missed, office);
    });
  }
}
