import { TicketErrorCode, TicketState } from '@d115/contracts';
import { TicketsException } from '../../shared/tickets.exception';

/**
 * new → open → pending_citizen | pending_authority → answered → closed, with reopen
 * (answered/closed → open) and closing without an answer (spam, duplicates).
 */
export const TRANSITIONS: Readonly<Record<TicketState, readonly TicketState[]>> = {
  new: ['open', 'closed'],
  open: ['pending_citizen', 'pending_authority', 'answered', 'closed'],
  pending_citizen: ['open', 'answered', 'closed'],
  pending_authority: ['open', 'answered', 'closed'],
  answered: ['open', 'closed'],
  closed: ['open'],
};

/** States in which the case is being worked on: it occupies its owner and waits for routing. */
export const ACTIVE_STATES: readonly TicketState[] = ['new', 'open'];

export function canTransition(from: TicketState, to: TicketState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** @throws TicketsException TICKET.ILLEGAL_TRANSITION */
export function assertTransition(number: string, from: TicketState, to: TicketState): void {
  if (!canTransition(from, to)) {
    throw new TicketsException(TicketErrorCode.ILLEGAL_TRANSITION, `${number}: ${from} → ${to} is not allowed`, {
      from,
      to,
      allowed: TRANSITIONS[from],
    });
  }
}

/**
 * The states a case passes through to reach `to` when a command implies it, e.g.
 * answering a `new` case opens it first. Undefined when `to` cannot be reached
 * in at most two steps.
 */
export function pathTo(from: TicketState, to: TicketState): TicketState[] | undefined {
  if (from === to) return [];
  if (canTransition(from, to)) return [to];
  const via = TRANSITIONS[from].find((middle) => canTransition(middle, to));
  return via ? [via, to] : undefined;
}

export function isActive(state: TicketState): boolean {
  return ACTIVE_STATES.includes(state);
}
