import { CallDirection, CallEndOutcome } from '../call-signal';

/** One call as the telephony service stores it (table `call`). */
export interface CallRecord {
  id: string;
  pbx: string;
  externalCallId: string;
  direction: CallDirection;
  /** In clear until the retention job clears it; null when withheld. Never put into events. */
  callerNumber: string | null;
  callerWithheld: boolean;
  callerPseudonym: string | null;
  calledNumber: string | null;
  queue: string | null;
  agent: string | null;
  agentId: string | null;
  offeredAt: Date;
  queuedAt: Date | null;
  ringingAt: Date | null;
  answeredAt: Date | null;
  transferredAt: Date | null;
  endedAt: Date | null;
  outcome: CallEndOutcome | null;
  transferred: boolean;
  forwarded: boolean;
  cause: string | null;
  lastSignalAt: Date;
}

/** The call events a fold can raise, in the order they happened. */
export type RaisedCallEvent = 'offered' | 'answered' | 'ended';
