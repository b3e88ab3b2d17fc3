import { TICKET_STATES, TicketErrorCode } from '@d115/contracts';
import { assertTransition, canTransition, isActive, pathTo, TRANSITIONS } from './ticket-state-machine';

describe('ticket state machine', () => {
  it.each([
    ['new', 'open'],
    ['open', 'pending_citizen'],
    ['open', 'pending_authority'],
    ['open', 'answered'],
    ['pending_citizen', 'open'],
    ['pending_authority', 'answered'],
    ['answered', 'closed'],
    ['answered', 'open'],
    ['closed', 'open'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['new', 'answered'],
    ['new', 'pending_citizen'],
    ['closed', 'answered'],
    ['closed', 'new'],
    ['answered', 'pending_citizen'],
    ['open', 'new'],
    ['open', 'open'],
  ] as const)('refuses %s → %s with TICKET.ILLEGAL_TRANSITION', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition('115-2026-000001', from, to)).toThrow(
      expect.objectContaining({ code: TicketErrorCode.ILLEGAL_TRANSITION, details: expect.objectContaining({ from, to }) }),
    );
  });

  it('never leads back to new', () => {
    for (const from of TICKET_STATES) expect(TRANSITIONS[from]).not.toContain('new');
  });

  it('finds the implied path of a command', () => {
    expect(pathTo('new', 'answered')).toEqual(['open', 'answered']);
    expect(pathTo('new', 'pending_authority')).toEqual(['open', 'pending_authority']);
    expect(pathTo('open', 'answered')).toEqual(['answered']);
    expect(pathTo('answered', 'answered')).toEqual([]);
    expect(pathTo('closed', 'pending_citizen')).toEqual(['open', 'pending_citizen']);
    expect(pathTo('closed', 'new')).toBeUndefined();
  });

  it('counts new and open as active work', () => {
    expect(TICKET_STATES.filter(isActive)).toEqual(['new', 'open']);
  });
});
