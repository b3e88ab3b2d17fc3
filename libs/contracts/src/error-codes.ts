import { MailErrorCode } from './mail/quarantine.request';
import { TicketErrorCode } from './tickets/ticket-errors';
import { ErrorCode } from './common/errors';
import { KnowledgeErrorCode } from './knowledge/knowledge.subjects';
import { AppointmentErrorCode } from './appointments/appointments.subjects';
import { GatewayErrorCode } from './gateway/gateway-errors';
import { TelephonyErrorCode } from './telephony/wrap-up.request';
import { CstaErrorCode } from './telephony/csta-inbound';

/**
 * Every error-code enum a caller can receive. A new feature enum goes here, and the
 * compiler then asks for its HTTP statuses in `libs/platform`'s status table.
 */
export const ERROR_CODE_ENUMS = [
  ErrorCode,
  TicketErrorCode,
  MailErrorCode,
  KnowledgeErrorCode,
  GatewayErrorCode,
  AppointmentErrorCode,
  TelephonyErrorCode,
  CstaErrorCode,
] as const;

type ValuesOf<T> = T extends Record<string, infer V> ? V : never;

/** Any code a D115 error can carry. */
export type AnyErrorCode = ValuesOf<(typeof ERROR_CODE_ENUMS)[number]>;
