import { eventSubject } from '../common/subjects';

export const TelephonyEvents = {
  callWrappedUp: eventSubject('telephony', 'call', 'wrapped-up'),
} as const;
