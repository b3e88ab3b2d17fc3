import { CallDirection, CallEndOutcome } from '../../../calls/call-signal';

/**
 * ECMA-269 event causes (and the spellings vendors use for them) by what they say about an
 * unanswered call's end. A call that was answered ends `answered` whatever the cause; one that
 * never was ends by its cause, and as `abandoned` when the cause says only that someone hung up.
 */
const OUTCOME_BY_CAUSE: Record<string, CallEndOutcome> = {
  busy: 'busy',
  userBusy: 'busy',
  trunksBusy: 'busy',
  noAnswer: 'no-answer',
  callNotAnswered: 'no-answer',
  noUserResponding: 'no-answer',
  callCancelled: 'abandoned',
  normalClearing: 'abandoned',
  normal: 'abandoned',
  newCall: 'abandoned',
  callRejected: 'rejected',
  rejected: 'rejected',
  doNotDisturb: 'rejected',
  blocked: 'rejected',
  callBarred: 'rejected',
  destNotObtainable: 'failed',
  destinationNotObtainable: 'failed',
  reorderTone: 'failed',
  networkCongestion: 'failed',
  networkNotObtainable: 'failed',
  networkSignal: 'failed',
  resourcesNotAvailable: 'failed',
  incompatibleDestination: 'failed',
  invalidNumberFormat: 'failed',
  invalidAccountCode: 'failed',
  outOfOrder: 'failed',
  lockout: 'failed',
  maintenance: 'failed',
  unknownOverflow: 'failed',
};

/** The outcome a cause names, or undefined when it names none (transfer, redirected, …). */
export function outcomeOfCause(cause: string | undefined): CallEndOutcome | undefined {
  return cause === undefined ? undefined : OUTCOME_BY_CAUSE[cause];
}

/**
 * How a call ends: answered if it was; else the failure seen earlier, else the clearing cause;
 * a cause that says only that someone hung up means the caller gave up (inbound) or nobody
 * answered (a call of the service center's own).
 */
export function endOutcome(
  direction: CallDirection,
  established: boolean,
  failureCause: string | undefined,
  clearingCause: string | undefined,
): CallEndOutcome {
  if (established) return 'answered';
  const outcome = outcomeOfCause(failureCause) ?? outcomeOfCause(clearingCause) ?? 'abandoned';
  return outcome === 'abandoned' && direction !== 'inbound' ? 'no-answer' : outcome;
}
