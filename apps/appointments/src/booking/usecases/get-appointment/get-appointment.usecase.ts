import { Injectable } from '@nestjs/common';
import { AppointmentView, GetAppointmentRequest } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { BookingAccess } from '../../booking-access';
import { holdLapsed, toAppointmentView } from '../../domain/appointment';

/** A booking by process id and auth key (the basis of a citizen's portal page); a lapsed hold reads as expired. */
@Injectable()
export class GetAppointmentUsecase {
  constructor(
    private readonly access: BookingAccess,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetAppointmentRequest): Promise<AppointmentView> {
    const { appointment, office } = await this.access.read(query);
    const view = toAppointmentView(appointment, office);
    return holdLapsed(appointment, this.clock.now()) ? { ...view, status: 'expired', holdUntil: undefined } : view;
  }
}
