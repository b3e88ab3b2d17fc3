import { MailErrorCode } from './mail/quarantine.request';
import { TicketErrorCode } from './tickets/ticket-errors';
import { ErrorCode } from './common/errors';
import { KnowledgeErrorCode } from './knowledge/knowledge.subjects';
import { GatewayErrorCode } from './gateway/gateway-errors';

/**
 * Every error-code enum a caller can receive. A new feature enum goes here, and the
 * compiler then asks for its HTTP statuses in `libs/platform`'s status table.
 */
export const ERROR_CODE_ENUMS = [ErrorCode, TicketErrorCode, MailErrorCode, KnowledgeErrorCode, GatewayErrorCode] as const;

/** Any code a D115 error can carry. */
export type AnyErrorCode = ErrorCode | TicketErrorCode | MailErrorCode | KnowledgeErrorCode | GatewayErrorCode;
