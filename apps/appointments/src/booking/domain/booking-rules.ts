import { AppointmentErrorCode } from '@d115/contracts';
import { AppointmentsException } from '../../shared/appointments.exception';
import { Appointment, holdLapsed, isHeld } from './appointment';

/**
 * Booking states:
 *
 *   reserved ──preconfirm──▶ preconfirmed ──confirm──▶ confirmed ──(after start)──▶ no_show
 *      │  └──────────────confirm──────────────────────────▲   │
 *      ├─ hold runs out ─▶ expired (also from preconfirmed)    │
 *      └─ cancel ─▶ cancelled ◀──────── cancel ────────────────┘
 *
 * A hold whose time has run out is treated as expired even before the sweep marked it.
 */
export function requireOpen(appointment: Appointment, now: Date): void {
  if (appointment.status === 'cancelled') throw new AppointmentsException(AppointmentErrorCode.ALREADY_CANCELLED, 'the appointment is already cancelled');
  if (appointment.status === 'expired' || holdLapsed(appointment, now)) {
    throw new AppointmentsException(AppointmentErrorCode.HOLD_EXPIRED, 'the reservation has expired; reserve again');
  }
  if (appointment.status === 'no_show') throw new AppointmentsException(AppointmentErrorCode.ILLEGAL_STATE, 'the appointment has passed (no-show)');
}

/** A live hold: still reserved or preconfirmed, not yet run out. */
export function requireLiveHold(appointment: Appointment, now: Date): void {
  requireOpen(appointment, now);
  if (!isHeld(appointment)) throw new AppointmentsException(AppointmentErrorCode.ILLEGAL_STATE, `the appointment is ${appointment.status}`);
}

/** Name, email, phone all optional, but one way to reach the citizen must remain. */
export function requireContact(appointment: Pick<Appointment, 'citizenEmail' | 'citizenPhone'>): void {
  if (!appointment.citizenEmail && !appointment.citizenPhone) {
    throw new AppointmentsException(AppointmentErrorCode.CONTACT_REQUIRED, 'an email address or a phone number is needed');
  }
}
