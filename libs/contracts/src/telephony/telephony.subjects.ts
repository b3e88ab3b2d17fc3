import { eventSubject, inboundSubject, requestSubject } from '../common/subjects';

export const TelephonyEvents = {
  callWrappedUp: eventSubject('telephony', 'call', 'wrapped-up'),
  callOffered: eventSubject('telephony', 'call', 'offered'),
  callAnswered: eventSubject('telephony', 'call', 'answered'),
  callEnded: eventSubject('telephony', 'call', 'ended'),
  callScreenPop: eventSubject('telephony', 'call', 'screen-pop'),
  serviceLevelUpdated: eventSubject('telephony', 'service-level', 'updated'),
} as const;

/** Request/reply subjects the telephony service answers (queue group `telephony`). */
export const TelephonySubjects = {
  wrapUp: requestSubject('telephony', 'call.wrap-up'),
  serviceLevelGet: requestSubject('telephony', 'service-level.get'),
  callsList: requestSubject('telephony', 'calls.list'),
} as const;

/** Subjects outside systems publish to (JetStream, stream D115_INBOUND). */
export const TelephonyInbound = {
  /** Generic CTI call events (newCall / answer / hangup), see `CtiCallEvent`. */
  call: inboundSubject('telephony', 'call'),
} as const;
