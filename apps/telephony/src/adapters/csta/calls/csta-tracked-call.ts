import { CallDirection } from '../../../calls/call-signal';

/** What the adapter keeps of one call: only what CSTA needs to produce signals. */
export interface TrackedCall {
  externalCallId: string;
  direction: CallDirection;
  /** The caller's number (null when withheld or not known). */
  callerNumber: string | null;
  /** The devices of the caller's side (calling device, its connection). */
  callerDevices: Set<string>;
  calledNumber?: string;
  established: boolean;
  /** The agent answering (after a transfer: the one it went to). */
  agent?: string;
  /** The service center's parties connected after the answer (more than one after a conference). */
  agents: Set<string>;
  failureCause?: string;
  /** An agent's enquiry call while holding another: not a call of its own, only material for a transfer or conference. */
  consultation: boolean;
  ringing: Set<string>;
  queues: Set<string>;
  forwardedTo: Set<string>;
}

/** Calls held at most (a call never cleared is dropped oldest first; the call model reaps it). */
const MAX_CALLS = 50_000;
/** Ids of finished or merged calls remembered, so late and repeated events about them are recognised. */
const MAX_RETIRED = 50_000;

/** The calls of one telephone system by callID, and the callIDs that are over (finished or merged away). */
export class TrackedCalls {
  private readonly calls = new Map<string, TrackedCall>();
  private readonly retired = new Map<string, true>();

  get(callId: string): TrackedCall | undefined {
    return this.calls.get(callId);
  }

  isRetired(callId: string): boolean {
    return this.retired.has(callId);
  }

  ids(): string[] {
    return [...this.calls.keys()];
  }

  values(): IterableIterator<TrackedCall> {
    return this.calls.values();
  }

  track(callId: string, call: TrackedCall): void {
    this.retired.delete(callId);
    this.calls.set(callId, call);
    if (this.calls.size > MAX_CALLS) this.calls.delete(this.calls.keys().next().value!);
  }

  /** The callID is over: forget its call, remember the id. */
  retire(callId: string): void {
    this.calls.delete(callId);
    this.retired.set(callId, true);
    if (this.retired.size > MAX_RETIRED) this.retired.delete(this.retired.keys().next().value!);
  }

  /** The call leaves this id without the id being over (it is taken up again under it). */
  forget(callId: string): void {
    this.calls.delete(callId);
  }
}
