import { AppointmentErrorCode } from '@d115/contracts';
import { AppointmentsException } from '../../shared/appointments.exception';

/** The ZMS citizen API answers failures as `{"errors": [{"errorCode", "statusCode", "errorMessage"}]}`. */
interface ZmsError {
  errorCode?: string;
  statusCode?: number;
  errorMessage?: string;
}

/** ZMS error codes that mean something to the caller; everything else of 4xx is EXTERNAL_REJECTED. */
const BY_ZMS_CODE: Record<string, AppointmentErrorCode> = {
  appointmentNotAvailable: AppointmentErrorCode.SLOT_TAKEN,
  processAlreadyExists: AppointmentErrorCode.SLOT_TAKEN,
  processNotReservedAnymore: AppointmentErrorCode.HOLD_EXPIRED,
  processNotPreconfirmedAnymore: AppointmentErrorCode.HOLD_EXPIRED,
  appointmentNotFound: AppointmentErrorCode.NOT_FOUND,
  appointmentCanNotBeCanceled: AppointmentErrorCode.ILLEGAL_STATE,
  invalidLocationAndServiceCombination: AppointmentErrorCode.SERVICE_NOT_OFFERED,
  serviceUnavailable: AppointmentErrorCode.EXTERNAL_UNAVAILABLE,
};

/** A failure of the external system itself: the breaker counts these, and only these may be retried. */
export class ZmsUnavailable extends AppointmentsException {
  constructor(message: string) {
    super(AppointmentErrorCode.EXTERNAL_UNAVAILABLE, message);
  }
}

export function zmsErrorCodes(body: unknown): string[] {
  const errors =
    typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors) ? (body as { errors: ZmsError[] }).errors : [];
  return errors.map((e) => e?.errorCode).filter((c): c is string => typeof c === 'string');
}

/** An HTTP answer ≥ 400 of the ZMS as our coded error. */
export function zmsFailure(status: number, body: unknown, what: string): AppointmentsException {
  const codes = zmsErrorCodes(body);
  if (status >= 500 || codes.includes('serviceUnavailable')) return new ZmsUnavailable(`ZMS ${what}: HTTP ${status} ${codes.join(', ')}`.trim());
  const mapped = codes.map((c) => BY_ZMS_CODE[c]).find((c) => c !== undefined);
  return new AppointmentsException(
    mapped ?? AppointmentErrorCode.EXTERNAL_REJECTED,
    `ZMS ${what} refused: HTTP ${status} ${codes.join(', ') || 'no error code'}`,
    {
      zmsErrorCodes: codes,
    },
  );
}
