import { TicketErrorCode } from '@d115/contracts';
import type { Reservation } from '../entities/reservation.entity';
import { decidableReservation } from './decidable-reservation';

describe('decidable reservation', () => {
  const at = new Date('2026-03-02T09:00:00Z');
  const pending: Reservation = {
    id: 'r1',
    ticketId: 't1',
    agentId: 'a-1',
    channel: 'email',
    status: 'pending',
    reason: null,
    createdAt: new Date('2026-03-02T08:59:00Z'),
    expiresAt: new Date('2026-03-02T09:00:30Z'),
    decidedAt: null,
  };

  it('lets the agent or a system actor decide a pending, unexpired offer', () => {
    expect(decidableReservation(pending, 'a-1', at)).toBe(pending);
    expect(decidableReservation(pending, 'system:gateway', at)).toBe(pending);
  });

  it.each([
    ['decided', { ...pending, status: 'accepted' as const }, 'a-1'],
    ['expired', { ...pending, expiresAt: at }, 'a-1'],
    ['offered to someone else', pending, 'a-2'],
  ])('refuses an offer that is %s', (_what, reservation, actor) => {
    expect(() => decidableReservation(reservation, actor, at)).toThrow(expect.objectContaining({ code: TicketErrorCode.RESERVATION_CONFLICT }));
  });

  it('reports a missing offer as not found', () => {
    expect(() => decidableReservation(null, 'a-1', at)).toThrow(expect.objectContaining({ code: TicketErrorCode.RESERVATION_NOT_FOUND }));
  });
});
