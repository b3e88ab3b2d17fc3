import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppointmentErrorCode, ProcessKeyRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock, ENV } from '@d115/platform';
import { AppointmentsEnv } from '../config/appointments.env';
import { Office } from '../offices/office';
import { OfficesRepository } from '../offices/offices.repository';
import { AppointmentsException } from '../shared/appointments.exception';
import { AppointmentsRepository } from './appointments.repository';
import { Appointment } from './domain/appointment';
import { keyMatches } from './domain/auth-key';

type Verdict = 'ok' | 'wrong' | 'blocked' | 'unknown';

/**
 * The door to a booking by process id and auth key. The key is compared in
 * constant time; wrong keys are counted on the booking row and, after
 * APPOINTMENTS_AUTH_MAX_FAILURES, the booking refuses every key for
 * APPOINTMENTS_AUTH_BLOCK_MINUTES: the count lives in Postgres, so it holds
 * across instances and restarts. The count commits in its own transaction
 * before the caller's change runs, so a refused request changes nothing else.
 */
@Injectable()
export class BookingAccess {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly offices: OfficesRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  /** Runs `work` in one transaction with the office and the booking locked (always in that order). */
  async change<T>(key: ProcessKeyRequest, work: (manager: EntityManager, appointment: Appointment, office: Office) => Promise<T>): Promise<T> {
    await this.verify(key);
    return this.transactions.run(async (manager) => {
      const { appointment, office } = await this.lock(manager, key.processId);
      return work(manager, appointment, office);
    });
  }

  /** Reads a booking after checking its key. */
  async read(key: ProcessKeyRequest): Promise<{ appointment: Appointment; office: Office }> {
    await this.verify(key);
    const appointment = (await this.appointments.find(this.transactions.manager, key.processId)) as Appointment;
    return { appointment, office: (await this.offices.find(this.transactions.manager, appointment.officeId)) as Office };
  }

  /** Locks a booking without a key (office staff, the sweep); @throws NOT_FOUND. */
  async lock(manager: EntityManager, processId: string): Promise<{ appointment: Appointment; office: Office }> {
    const unlocked = await this.appointments.find(manager, processId);
    if (!unlocked) throw new AppointmentsException(AppointmentErrorCode.NOT_FOUND, `no appointment ${processId}`);
    const office = (await this.offices.lock(manager, unlocked.officeId)) as Office;
    return { appointment: (await this.appointments.lock(manager, processId)) as Appointment, office };
  }

  private async verify(key: ProcessKeyRequest): Promise<void> {
    const verdict = await this.transactions.run((manager) => this.check(manager, key));
    if (verdict === 'unknown') throw new AppointmentsException(AppointmentErrorCode.NOT_FOUND, `no appointment ${key.processId}`);
    if (verdict === 'blocked') {
      throw new AppointmentsException(AppointmentErrorCode.TOO_MANY_ATTEMPTS, 'too many wrong auth keys for this appointment; try again later');
    }
    if (verdict === 'wrong') throw new AppointmentsException(AppointmentErrorCode.WRONG_AUTH_KEY, 'the auth key does not match');
  }

  private async check(manager: EntityManager, key: ProcessKeyRequest): Promise<Verdict> {
    const appointment = await this.appointments.lock(manager, key.processId);
    if (!appointment) return 'unknown';
    const now = this.clock.now();
    if (appointment.authBlockedUntil && appointment.authBlockedUntil > now) return 'blocked';
    if (keyMatches(key.authKey, appointment.authKeyHash)) {
      if (appointment.authFailures > 0 || appointment.authBlockedUntil)
        await this.appointments.patch(manager, appointment, { authFailures: 0, authBlockedUntil: null }, now);
      return 'ok';
    }
    const failures = appointment.authFailures + 1;
    const blocked = failures >= this.env.APPOINTMENTS_AUTH_MAX_FAILURES;
    await this.appointments.patch(
      manager,
      appointment,
      blocked ? { authFailures: 0, authBlockedUntil: new Date(now.getTime() + this.env.APPOINTMENTS_AUTH_BLOCK_MINUTES * 60_000) } : { authFailures: failures },
      now,
    );
    return 'wrong';
  }
}
