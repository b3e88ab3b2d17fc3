import { TicketErrorCode } from '@d115/contracts';
import { TicketsException } from '../../shared/tickets.exception';
import type { Reservation } from '../entities/reservation.entity';

/**
 * An offer can be decided while pending and not expired, by its agent (or a
 * system actor on their behalf). @throws RESERVATION.CONFLICT otherwise.
 */
export function decidableReservation(reservation: Reservation | null, actor: string, at: Date): Reservation {
  if (!reservation) throw new TicketsException(TicketErrorCode.RESERVATION_NOT_FOUND, 'reservation does not exist');
  if (reservation.status !== 'pending') {
    throw new TicketsException(TicketErrorCode.RESERVATION_CONFLICT, `reservation ${reservation.id} is ${reservation.status}`, { status: reservation.status });
  }
  if (reservation.expiresAt <= at) {
    throw new TicketsException(TicketErrorCode.RESERVATION_CONFLICT, `reservation ${reservation.id} expired at ${reservation.expiresAt.toISOString()}`, {
      status: 'expired',
    });
  }
  if (actor !== reservation.agentId && !actor.startsWith('system:')) {
    throw new TicketsException(TicketErrorCode.RESERVATION_CONFLICT, `reservation ${reservation.id} was offered to another agent`);
  }
  return reservation;
}
