import { D115Error, TicketErrorCode } from '@d115/contracts';

/** A domain failure of the tickets service; the platform's filter answers it with its code. */
export class TicketsException extends D115Error {
  constructor(code: TicketErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = 'TicketsException';
  }
}
