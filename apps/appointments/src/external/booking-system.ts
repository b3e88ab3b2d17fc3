import { AvailableDayDto } from '@d115/contracts';
import { Appointment } from '../booking/domain/appointment';
import { Office } from '../offices/office';
import { ServicePlan } from '../offices/service-plan';

/** What d115 keeps of a booking another system holds: enough to act on it there. */
export interface ExternalRef {
  system: 'zms';
  processId: number;
  authKey: string;
}

/**
 * An office's calendar in another booking system. An office with
 * `bookingSystem: builtin` has none (d115's own slots and booked units); one with
 * `zms` is served through this interface, chosen per office by `BookingSystems`.
 * Every method ends in time and fails with a coded error
 * (EXTERNAL_UNAVAILABLE, SLOT_TAKEN, HOLD_EXPIRED, EXTERNAL_REJECTED, …).
 */
export interface BookingSystem {
  availability(office: Office, plan: ServicePlan, range: { from: Date; to: Date }, localDateOf: (at: Date) => string): Promise<AvailableDayDto[]>;
  reserve(office: Office, plan: ServicePlan, start: Date): Promise<ExternalRef>;
  update(office: Office, appointment: Appointment): Promise<void>;
  preconfirm(office: Office, appointment: Appointment): Promise<void>;
  confirm(office: Office, appointment: Appointment): Promise<void>;
  cancel(office: Office, appointment: Appointment): Promise<void>;
}
