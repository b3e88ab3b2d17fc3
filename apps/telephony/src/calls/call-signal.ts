/**
 * The one language every telephony adapter speaks: what a telephone system said about one
 * call, normalised. Adapters (generic CTI JSON, Asterisk AMI, CSTA XML) turn their stream into
 * signals and hand them to a `CallSignalSink`; the sink folds them into the call model, stores
 * the call and raises the call events. Adapters keep no call state beyond what their protocol
 * needs to produce signals (AMI: channels → Linkedid; CSTA: connection → callID).
 *
 * Signals may arrive twice, late or out of order (a hangup before the answer, a repeated
 * hangup, a signal for a call never offered); the sink is the place that copes.
 */
export type CallDirection = 'inbound' | 'outbound' | 'internal';

/** How a finished call ended, as the call model reports it. */
export type CallEndOutcome = 'answered' | 'abandoned' | 'busy' | 'no-answer' | 'rejected' | 'failed';

export type CallSignalKind =
  /** The call reached the system (AMI Newchannel on a trunk, CSTA Delivered/Offered, CTI newCall). */
  | 'offered'
  /** The caller waits in a queue (AMI QueueCallerJoin, CSTA QueuedEvent). */
  | 'queued'
  /** A device rings for the call (AMI DialBegin/AgentCalled, CSTA DeliveredEvent at the agent). */
  | 'ringing'
  /** The caller is connected to another party — not to the PBX's music or IVR. */
  | 'answered'
  /** The answered call was passed on to another party (blind/attended transfer, pickup). */
  | 'transferred'
  /** The call was diverted before it was answered (CSTA DivertedEvent, CTI cause forwarded). */
  | 'forwarded'
  /** The caller's number must not be shown (CLIR): from here on `callerNumber` is null. */
  | 'withheld'
  /** The call is over; `outcome` says how. */
  | 'ended';

export interface CallSignal {
  /** The connection the signal came from (a configured PBX name); ids are unique per pbx only. */
  pbx: string;
  /** The telephone system's id of the call (AMI Linkedid, CSTA callID, CTI callId). */
  externalCallId: string;
  kind: CallSignalKind;
  /** When it happened: the event's own time, else the time of receipt. */
  at: Date;
  direction?: CallDirection;
  /** The caller's number in clear; null when withheld. Never leaves the telephony service's store. */
  callerNumber?: string | null;
  /** The number the caller dialled (the 115 line or a municipality line). */
  calledNumber?: string;
  queue?: string;
  /** The answering or ringing device (e.g. SIP peer 150010002), not the dialled group number. */
  agent?: string;
  /** For `ended`: how the call ended. */
  outcome?: CallEndOutcome;
  /** The raw cause the system gave (Q.850 code, CSTA cause, CTI cause), for diagnostics. */
  cause?: string;
  /** When one call continues under another id (a transfer or pickup merged two calls). */
  continuesExternalCallId?: string;
}

/** Where adapters deliver signals. Resolves once the signals are durable. */
export interface CallSignalSink {
  accept(signals: readonly CallSignal[]): Promise<void>;
}

/** Nest injection token under which the telephony service provides its `CallSignalSink`. */
export const CALL_SIGNAL_SINK = Symbol('CallSignalSink');
