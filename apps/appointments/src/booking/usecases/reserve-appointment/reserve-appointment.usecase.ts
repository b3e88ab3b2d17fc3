import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppointmentEvents, AppointmentReservedEvent, ReservationReply, ReserveAppointmentRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock, ENV } from '@d115/platform';
import { AppointmentsEnv } from '../../../config/appointments.env';
import { ExternalRef } from '../../../external/booking-system';
import { Office } from '../../../offices/office';
import { OfficeCalendars } from '../../../offices/office-calendars';
import { OfficesRepository } from '../../../offices/offices.repository';
import { planServices, ServicePlan } from '../../../offices/service-plan';
import { bookingWindow } from '../../../slots/booking-window';
import { checkStart } from '../../../slots/slot-grid';
import { AppointmentsRepository } from '../../appointments.repository';
import { BookingSteps } from '../../booking-steps';
import { BookingSystems } from '../../booking-systems';
import { Appointment, eventOf, toAppointmentView } from '../../domain/appointment';
import { newAuthKey } from '../../domain/auth-key';

/**
 * Holds a start for the services for N minutes: the office's booking system
 * takes the start (the built-in calendar under the office's row lock, a ZMS by
 * its API) and d115 keeps the booking, in one transaction with its event. The
 * auth key is handed out here once and only its hash is kept.
 */
@Injectable()
export class ReserveAppointmentUsecase {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly calendars: OfficeCalendars,
    private readonly appointments: AppointmentsRepository,
    private readonly steps: BookingSteps,
    private readonly systems: BookingSystems,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  async execute(cmd: ReserveAppointmentRequest): Promise<ReservationReply> {
    const office = await this.offices.get(this.transactions.manager, cmd.officeId);
    const system = this.systems.for(office);
    const { plan, start, now } = this.checked(office, cmd, system.usesOwnGrid);
    return this.transactions.run(async (manager) => {
      const id = uuidv7();
      const holdUntil = this.holdUntil(cmd, now);
      const { counter, externalRef } = await system.reserve(manager, office, plan, start, { appointmentId: id, holdUntil, now });
      return this.record(manager, cmd, office, this.appointment(id, cmd, plan, start, now, holdUntil, counter, externalRef));
    });
  }

  /** `onGrid`: our own grid and hours apply (built-in calendar); a ZMS judges its own slots. */
  private checked(office: Office, cmd: ReserveAppointmentRequest, onGrid = true): { plan: ServicePlan; start: Date; now: Date } {
    const plan = planServices(office, cmd.services);
    const calendar = this.calendars.for(office);
    const now = this.clock.now();
    const start = new Date(cmd.start);
    checkStart(calendar, office, plan, start, now, bookingWindow(office, calendar, now), onGrid);
    return { plan, start, now };
  }

  private holdUntil(cmd: ReserveAppointmentRequest, now: Date): Date {
    return new Date(now.getTime() + (cmd.holdMinutes ?? this.env.APPOINTMENTS_HOLD_MINUTES) * 60_000);
  }

  private appointment(
    id: string,
    cmd: ReserveAppointmentRequest,
    plan: ServicePlan,
    start: Date,
    now: Date,
    holdUntil: Date,
    counter: number,
    externalRef: ExternalRef | null,
  ): Appointment & { authKey: string } {
    const { key, hash } = newAuthKey();
    return {
      id,
      officeId: cmd.officeId,
      services: plan.services,
      startsAt: start,
      endsAt: new Date(start.getTime() + plan.durationMinutes * 60_000),
      counter,
      status: 'reserved',
      holdUntil,
      authKeyHash: hash,
      authKey: key,
      authFailures: 0,
      authBlockedUntil: null,
      citizenName: null,
      citizenEmail: null,
      citizenPhone: null,
      ticketNumber: cmd.origin?.ticketNumber ?? null,
      ticketId: cmd.origin?.ticketId ?? null,
      callId: cmd.origin?.callId ?? null,
      sequence: 0,
      externalRef,
      createdBy: cmd.actor,
      createdAt: now,
      confirmedAt: null,
      cancelledAt: null,
      updatedAt: now,
    };
  }

  private async record(
    manager: EntityManager,
    cmd: ReserveAppointmentRequest,
    office: Office,
    held: Appointment & { authKey: string },
  ): Promise<ReservationReply> {
    const { authKey, ...appointment } = held;
    await this.appointments.insert(manager, appointment);
    await this.steps.publish<AppointmentReservedEvent>(manager, AppointmentEvents.reserved, appointment, {
      ...eventOf(appointment, cmd.actor),
      holdUntil: (appointment.holdUntil as Date).toISOString(),
    });
    return { ...toAppointmentView(appointment, office), authKey };
  }
}
