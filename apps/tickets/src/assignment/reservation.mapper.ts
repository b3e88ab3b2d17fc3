import { ReservationView } from '@d115/contracts';
import { Reservation } from './entities/reservation.entity';

export function toReservationView(reservation: Reservation, number: string): ReservationView {
  return {
    id: reservation.id,
    ticketId: reservation.ticketId,
    number,
    agentId: reservation.agentId,
    channel: reservation.channel,
    status: reservation.status,
    createdAt: reservation.createdAt.toISOString(),
    expiresAt: reservation.expiresAt.toISOString(),
  };
}
