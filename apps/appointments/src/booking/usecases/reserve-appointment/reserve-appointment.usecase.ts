import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AppointmentErrorCode, AppointmentEvents, AppointmentReservedEvent, ReservationReply, ReserveAppointmentRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock, ENV } from '@d115/platform';
import { AppointmentsEnv } from '../../../config/appointments.env';
import { OfficeCalendars } from '../../../offices/office-calendars';
import { OfficesRepository } from '../../../offices/offices.repository';
import { planServices } from '../../../offices/service-plan';
import { AppointmentsException } from '../../../shared/appointments.exception';
import { bookingWindow } from '../../../slots/booking-window';
import { checkStart } from '../../../slots/slot-grid';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingSteps } from '../../booking-steps';
import { Appointment, eventOf, toAppointmentView } from '../../domain/appointment';
import { newAuthKey } from '../../domain/auth-key';

/**
 * Holds a start for the services for N minutes. Reservations of one office
 * queue on its row lock, so the check "a counter is free" and the insert of
 * the units are one step for every instance; the units' primary key backs
 * that up. The auth key is handed out here once and only its hash is kept.
 */
@Injectable()
export class ReserveAppointmentUsecase {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly calendars: OfficeCalendars,
    private readonly appointments: AppointmentsRepository,
    private readonly steps: BookingSteps,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  execute(cmd: ReserveAppointmentRequest): Promise<ReservationReply> {
    const start = new Date(cmd.start);
    return this.transactions.run(async (manager) => {
      const office = await this.offices.lock(manager, cmd.officeId);
      if (!office) throw new AppointmentsException(AppointmentErrorCode.OFFICE_NOT_FOUND, `no office ${cmd.officeId}`);
      const plan = planServices(office, cmd.services);
      const calendar = this.calendars.for(office);
      const now = this.clock.now();
      checkStart(calendar, office, plan, start, now, bookingWindow(office, calendar, now));
      const id = uuidv7();
      const holdUntil = new Date(now.getTime() + (cmd.holdMinutes ?? this.env.APPOINTMENTS_HOLD_MINUTES) * 60_000);
      const counter = await this.steps.take(manager, office, start, plan.units, id, holdUntil, now);
      const { key, hash } = newAuthKey();
      const appointment: Appointment = {
        id,
        officeId: office.id,
        services: plan.services,
        startsAt: start,
        endsAt: new Date(start.getTime() + plan.durationMinutes * 60_000),
        counter,
        status: 'reserved',
        holdUntil,
        authKeyHash: hash,
        authFailures: 0,
        authBlockedUntil: null,
        citizenName: null,
        citizenEmail: null,
        citizenPhone: null,
        ticketNumber: cmd.origin?.ticketNumber ?? null,
        ticketId: cmd.origin?.ticketId ?? null,
        callId: cmd.origin?.callId ?? null,
        sequence: 0,
        createdBy: cmd.actor,
        createdAt: now,
        confirmedAt: null,
        cancelledAt: null,
        updatedAt: now,
      };
      await this.appointments.insert(manager, appointment);
      await this.steps.publish<AppointmentReservedEvent>(manager, AppointmentEvents.reserved, appointment, {
        ...eventOf(appointment, cmd.actor),
        holdUntil: holdUntil.toISOString(),
      });
      return { ...toAppointmentView(appointment, office), authKey: key };
    });
  }
}
