import { CallEventData, eventAbout, TelephonyEvents } from '@d115/contracts';
import { NewEvent } from '@d115/messaging';
import { CallRecord, RaisedCallEvent } from './domain/call-record';

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

/** The call as events carry it: everything but the number in clear. */
export function toCallEventData(record: CallRecord): CallEventData {
  return {
    callId: record.id,
    pbx: record.pbx,
    externalCallId: record.externalCallId,
    direction: record.direction,
    callerWithheld: record.callerWithheld,
    callerPseudonym: record.callerPseudonym,
    calledNumber: record.calledNumber,
    queue: record.queue,
    agent: record.agent,
    agentId: record.agentId,
    offeredAt: record.offeredAt.toISOString(),
    queuedAt: iso(record.queuedAt),
    ringingAt: iso(record.ringingAt),
    answeredAt: iso(record.answeredAt),
    transferredAt: iso(record.transferredAt),
    endedAt: iso(record.endedAt),
    outcome: record.outcome,
    transferred: record.transferred,
    forwarded: record.forwarded,
    cause: record.cause,
  };
}

const SUBJECTS = { offered: TelephonyEvents.callOffered, answered: TelephonyEvents.callAnswered, ended: TelephonyEvents.callEnded } as const;

/** The outbox event for a call event raised by the fold. */
export function callEvent(kind: RaisedCallEvent, snapshot: CallRecord): NewEvent<CallEventData> {
  return { subject: SUBJECTS[kind], data: toCallEventData(snapshot), about: eventAbout('call', snapshot.id) };
}
