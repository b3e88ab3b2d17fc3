import { EntityManager } from 'typeorm';
import { AvailableDayDto, BookingSystem as BookingSystemName } from '@d115/contracts';
import { BusinessCalendar } from '@d115/calendar';
import { Appointment } from '../booking/domain/appointment';
import { Office } from '../offices/office';
import { ServicePlan } from '../offices/service-plan';

/** What d115 keeps of a booking another system holds: enough to act on it there. */
export interface ExternalRef {
  system: 'zms';
  processId: number;
  authKey: string;
}

/** The hold a reservation asks for. */
export interface Hold {
  appointmentId: string;
  holdUntil: Date;
  now: Date;
}

/**
 * Who keeps an office's calendar, chosen per office (`bookingSystem`): d115's
 * built-in calendar (slots on libs/calendar, booked units in Postgres) or an
 * external system (the ZMS citizen API). The use cases keep d115's own booking
 * (states, auth key, events) and ask the office's system for the rest. Every
 * method ends in time and fails with a coded error (SLOT_TAKEN, HOLD_EXPIRED,
 * EXTERNAL_UNAVAILABLE, EXTERNAL_REJECTED, …), which rolls the use case back.
 */
export interface BookingSystem {
  readonly name: BookingSystemName;
  /** d115's own grid and hours decide which starts exist (a ZMS judges its own slots). */
  readonly usesOwnGrid: boolean;
  /** d115 mails the citizen (a ZMS mails its citizens itself). */
  readonly mailsCitizens: boolean;
  /** A booking can be moved to another start in place. */
  readonly movable: boolean;

  availability(
    manager: EntityManager,
    office: Office,
    plan: ServicePlan,
    range: { from: Date; to: Date },
    calendar: BusinessCalendar,
    now: Date,
  ): Promise<AvailableDayDto[]>;
  /** Takes the start for the hold; the counter it took (0 when the system does not say) and the external booking, if any. */
  reserve(manager: EntityManager, office: Office, plan: ServicePlan, start: Date, hold: Hold): Promise<{ counter: number; externalRef: ExternalRef | null }>;
  update(office: Office, appointment: Appointment): Promise<void>;
  preconfirm(office: Office, appointment: Appointment): Promise<void>;
  confirm(office: Office, appointment: Appointment): Promise<void>;
  cancel(office: Office, appointment: Appointment): Promise<void>;
}
