import { CstaEvent } from '../parser/csta-message';
import { TrackedCall, TrackedCalls } from './csta-tracked-call';

export interface Merged {
  /** The citizen's call, now under `newId`. */
  main: TrackedCall;
  newId: string;
  previousId: string;
}

/**
 * A TransferedEvent or ConferencedEvent joins the held call (primaryOldCall) and the enquiry
 * (secondaryOldCall), or passes one call on (single-step transfer: primary only); what remains
 * runs under the new connections' callID (else the secondary's, else the primary's). The
 * citizen's call is whichever of the two is not a consultation. The same merge reported again
 * (a second monitor) gives undefined.
 */
export function mergeCalls(calls: TrackedCalls, first: TrackedCall, event: CstaEvent): Merged | undefined {
  const merge = event.transfer!;
  const ids = [merge.primaryOldCall?.callId, merge.secondaryOldCall?.callId].filter((id): id is string => !!id);
  const candidates = ids.map((id) => calls.get(id)).filter((call): call is TrackedCall => !!call);
  const main = candidates.find((call) => !call.consultation) ?? first;
  const fallback = event.type === 'Conferenced' ? main.externalCallId : (merge.secondaryOldCall?.callId ?? main.externalCallId);
  const newId = merge.newConnections.find((connection) => connection.callId)?.callId ?? fallback;
  const previousId = main.externalCallId;
  if (previousId === newId && ids.some((id) => id !== newId && calls.isRetired(id))) return undefined;
  for (const id of ids) {
    if (id === newId) calls.forget(id);
    else calls.retire(id);
  }
  main.consultation = false;
  main.externalCallId = newId;
  calls.track(newId, main);
  return { main, newId, previousId };
}
