import { AppointmentErrorCode, D115Error } from '@d115/contracts';

/** A domain failure of the appointments service; the platform's filter answers it with its code. */
export class AppointmentsException extends D115Error {
  constructor(code: AppointmentErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = 'AppointmentsException';
  }
}
