import { Injectable } from '@nestjs/common';
import { AppointmentView, UpdateAppointmentRequest } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingAccess } from '../../booking-access';
import { BookingSystems } from '../../booking-systems';
import { toAppointmentView } from '../../domain/appointment';
import { requireContact, requireOpen } from '../../domain/booking-rules';

/** The citizen's name, email and phone on an open booking; a field left out keeps its value. */
@Injectable()
export class UpdateAppointmentUsecase {
  constructor(
    private readonly access: BookingAccess,
    private readonly appointments: AppointmentsRepository,
    private readonly systems: BookingSystems,
    private readonly clock: Clock,
  ) {}

  execute(cmd: UpdateAppointmentRequest): Promise<AppointmentView> {
    return this.access.change(cmd, async (manager, appointment, office) => {
      const now = this.clock.now();
      requireOpen(appointment, now);
      const patch = {
        citizenName: cmd.name ?? appointment.citizenName,
        citizenEmail: cmd.email?.toLowerCase() ?? appointment.citizenEmail,
        citizenPhone: cmd.phone ?? appointment.citizenPhone,
      };
      requireContact(patch);
      const updated = await this.appointments.patch(manager, appointment, patch, now);
      await this.systems.for(office).update(office, updated);
      return toAppointmentView(updated, office);
    });
  }
}
