import { AppointmentEvent, AppointmentStatus, AppointmentView } from '@d115/contracts';
import { ExternalRef } from '../../external/booking-system';
import { Office } from '../../offices/office';

/** A booking: held, then confirmed (or expired), possibly cancelled or a no-show. */
export interface Appointment {
  id: string;
  officeId: string;
  services: { serviceId: string; name: string; count: number }[];
  startsAt: Date;
  endsAt: Date;
  counter: number;
  status: AppointmentStatus;
  holdUntil: Date | null;
  authKeyHash: Buffer;
  authFailures: number;
  authBlockedUntil: Date | null;
  citizenName: string | null;
  citizenEmail: string | null;
  citizenPhone: string | null;
  ticketNumber: string | null;
  ticketId: string | null;
  callId: string | null;
  sequence: number;
  /** The booking in an external system (ZMS offices); null for the built-in calendar. */
  externalRef: ExternalRef | null;
  createdBy: string;
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  updatedAt: Date;
}

export const HELD: readonly AppointmentStatus[] = ['reserved', 'preconfirmed'];

export function isHeld(appointment: Appointment): boolean {
  return HELD.includes(appointment.status);
}

/** A hold whose time has run out counts as expired before the sweep has marked it. */
export function holdLapsed(appointment: Appointment, now: Date): boolean {
  return isHeld(appointment) && appointment.holdUntil !== null && appointment.holdUntil <= now;
}

export function toAppointmentView(appointment: Appointment, office: Office): AppointmentView {
  return {
    processId: appointment.id,
    status: appointment.status,
    officeId: office.id,
    officeName: office.name,
    address: office.address,
    services: appointment.services,
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    ...(appointment.holdUntil && isHeld(appointment) ? { holdUntil: appointment.holdUntil.toISOString() } : {}),
    citizen: {
      ...(appointment.citizenName ? { name: appointment.citizenName } : {}),
      ...(appointment.citizenEmail ? { email: appointment.citizenEmail } : {}),
      ...(appointment.citizenPhone ? { phone: appointment.citizenPhone } : {}),
    },
    origin: {
      ...(appointment.ticketNumber ? { ticketNumber: appointment.ticketNumber } : {}),
      ...(appointment.ticketId ? { ticketId: appointment.ticketId } : {}),
      ...(appointment.callId ? { callId: appointment.callId } : {}),
    },
    sequence: appointment.sequence,
  };
}

/** The data every appointment event carries: ids, times and origin, no citizen data. */
export function eventOf(appointment: Appointment, actor: string): AppointmentEvent {
  return {
    processId: appointment.id,
    officeId: appointment.officeId,
    services: appointment.services.map((s) => ({ serviceId: s.serviceId, count: s.count })),
    startsAt: appointment.startsAt.toISOString(),
    endsAt: appointment.endsAt.toISOString(),
    status: appointment.status,
    ...(appointment.ticketNumber ? { ticketNumber: appointment.ticketNumber } : {}),
    ...(appointment.ticketId ? { ticketId: appointment.ticketId } : {}),
    ...(appointment.callId ? { callId: appointment.callId } : {}),
    actor,
  };
}
