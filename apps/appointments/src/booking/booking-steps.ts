import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AppointmentErrorCode, AppointmentEvents, AppointmentExpiredEvent, eventAbout } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Office } from '../offices/office';
import { AppointmentsException } from '../shared/appointments.exception';
import { BookedUnitsRepository } from '../slots/booked-units.repository';
import { unitsOf } from '../slots/occupancy';
import { AppointmentsRepository } from './appointments.repository';
import { Appointment, eventOf } from './domain/appointment';

const UNIQUE_VIOLATION = '23505';

/** Steps several use cases share: taking units at a counter, letting a hold lapse, writing an event. */
@Injectable()
export class BookingSteps {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly units: BookedUnitsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Takes a free counter for `unitCount` units from `start` (the office row is
   * locked by the caller). Lapsed holds at those units are expired first. If
   * another writer got there anyway, the primary key of booked_unit refuses:
   * SLOT_TAKEN, and the transaction rolls back whole.
   */
  async take(
    manager: EntityManager,
    office: Office,
    start: Date,
    unitCount: number,
    appointmentId: string,
    holdUntil: Date | null,
    now: Date,
  ): Promise<number> {
    const unitMs = office.slotMinutes * 60_000;
    const units = unitsOf(start.getTime(), unitCount, unitMs);
    for (const lapsed of await this.appointments.tryLockMany(manager, await this.units.lapsedAt(manager, office.id, units, now))) {
      await this.expire(manager, lapsed, now, 'system:hold-expiry');
    }
    const occupancy = await this.units.occupancy(manager, office, units[0], new Date(start.getTime() + unitCount * unitMs), now);
    const counter = occupancy.freeCounter(start.getTime(), unitCount);
    if (counter === undefined) throw new AppointmentsException(AppointmentErrorCode.SLOT_TAKEN, `${start.toISOString()} at ${office.id} is no longer free`);
    try {
      await this.units.insert(manager, { officeId: office.id, counter, appointmentId, holdUntil, units });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppointmentsException(AppointmentErrorCode.SLOT_TAKEN, `${start.toISOString()} at ${office.id} was taken meanwhile`);
      }
      throw error;
    }
    return counter;
  }

  /** A hold that ran out: the booking expires, its units are free, `appointment.expired` is written. */
  async expire(manager: EntityManager, appointment: Appointment, now: Date, actor: string): Promise<void> {
    const expired = await this.appointments.patch(manager, appointment, { status: 'expired', holdUntil: null }, now);
    await this.units.release(manager, appointment.id, 'expired');
    await this.publish<AppointmentExpiredEvent>(manager, AppointmentEvents.expired, expired, eventOf(expired, actor));
  }

  async publish<T>(manager: EntityManager, subject: string, appointment: Appointment, data: T): Promise<void> {
    await this.outbox.append<T>(manager, { subject, about: eventAbout('appointment', appointment.id), data });
  }
}
