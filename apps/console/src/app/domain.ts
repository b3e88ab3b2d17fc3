import type { AgentPresence, TicketState } from '@d115/contracts';

/**
 * Value lists of the contracts the console needs at run time. The contracts' own
 * constants live beside class-validator decorators that have no place in a browser
 * bundle; the Record types make the compiler check that these lists stay complete.
 */
const STATE_ORDER: Record<TicketState, number> = { new: 0, open: 1, pending_citizen: 2, pending_authority: 3, answered: 4, closed: 5 };
export const TICKET_STATES = (Object.keys(STATE_ORDER) as TicketState[]).sort((a, b) => STATE_ORDER[a] - STATE_ORDER[b]);
export const OPEN_STATES: TicketState[] = ['new', 'open', 'pending_citizen', 'pending_authority'];

const PRESENCE_ORDER: Record<AgentPresence, number> = { available: 0, busy: 1, away: 2, offline: 3 };
export const AGENT_PRESENCES_LIST = (Object.keys(PRESENCE_ORDER) as AgentPresence[]).sort((a, b) => PRESENCE_ORDER[a] - PRESENCE_ORDER[b]);
