import { CtiCallEvent, CtiCause } from '@d115/contracts';
import { CallDirection, CallEndOutcome, CallSignal } from '../../calls/call-signal';
import { isWithheldNumber } from '../../calls/domain/withheld-number';

const DIRECTIONS: Record<NonNullable<CtiCallEvent['direction']>, CallDirection> = {
  in: 'inbound',
  inbound: 'inbound',
  out: 'outbound',
  outbound: 'outbound',
  internal: 'internal',
};

/** Hangup causes of the CTI convention → how the call ended (normalClearing: as the call went). */
const OUTCOMES: Record<CtiCause, CallEndOutcome | undefined> = {
  normalClearing: undefined,
  busy: 'busy',
  cancel: 'abandoned',
  noAnswer: 'no-answer',
  congestion: 'failed',
  notFound: 'failed',
  forwarded: undefined,
};

/**
 * A number as a SIP bridge may send it — `sip:+493817654321@sbc.example;user=phone`,
 * `tel:+49-381-7654321` — as its user part; a plain number as it is. RFC 3323's
 * anonymous URI (`sip:anonymous@anonymous.invalid`) so becomes `anonymous`: withheld.
 */
function userPart(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const uri = /^\s*(?:sips?|tel):([^@;]*)/i.exec(value);
  return uri ? uri[1] : value;
}

/** One generic CTI event → the signals of the call model. */
export function ctiSignals(event: CtiCallEvent, receivedAt: Date): CallSignal[] {
  const direction = event.direction ? DIRECTIONS[event.direction] : undefined;
  const base = {
    pbx: event.pbx ?? 'cti',
    externalCallId: event.callId,
    at: event.at ? new Date(event.at) : receivedAt,
    ...(event.queue ? { queue: event.queue } : {}),
  };
  switch (event.event) {
    case 'newCall': {
      const remote = userPart(direction === 'outbound' ? event.to : event.from);
      const called = userPart(direction === 'outbound' ? event.from : event.to);
      return [
        {
          ...base,
          kind: 'offered',
          direction: direction ?? 'inbound',
          callerNumber: remote === undefined || isWithheldNumber(remote) ? null : remote,
          ...(called ? { calledNumber: called } : {}),
        },
      ];
    }
    case 'answer': {
      const agent = userPart(event.answeringNumber) ?? firstUser(event.user);
      return [{ ...base, kind: 'answered', ...(agent ? { agent } : {}) }];
    }
    case 'hangup': {
      const outcome = event.cause ? OUTCOMES[event.cause] : undefined;
      const ended: CallSignal = { ...base, kind: 'ended', ...(outcome ? { outcome } : {}), ...(event.cause ? { cause: event.cause } : {}) };
      return event.cause === 'forwarded' ? [{ ...base, kind: 'forwarded' }, ended] : [ended];
    }
  }
}

function firstUser(user: CtiCallEvent['user']): string | undefined {
  return Array.isArray(user) ? user[0] : user;
}
