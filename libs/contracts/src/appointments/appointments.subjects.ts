import { eventSubject, requestSubject } from '../common/subjects';

/** Request/reply subjects the appointments service answers (queue group `appointments`). */
export const AppointmentSubjects = {
  officeUpsert: requestSubject('appointments', 'office.upsert'),
  officeGet: requestSubject('appointments', 'office.get'),
  officeList: requestSubject('appointments', 'office.list'),
  officeImport: requestSubject('appointments', 'office.import'),
  availability: requestSubject('appointments', 'availability.get'),
  reserve: requestSubject('appointments', 'reserve'),
  update: requestSubject('appointments', 'update'),
  preconfirm: requestSubject('appointments', 'preconfirm'),
  confirm: requestSubject('appointments', 'confirm'),
  cancel: requestSubject('appointments', 'cancel'),
  rebook: requestSubject('appointments', 'rebook'),
  get: requestSubject('appointments', 'get'),
  noShow: requestSubject('appointments', 'no-show'),
  figures: requestSubject('appointments', 'figures'),
} as const;

/** Facts of the appointments service, published through its outbox. */
export const AppointmentEvents = {
  reserved: eventSubject('appointments', 'appointment', 'reserved'),
  confirmed: eventSubject('appointments', 'appointment', 'confirmed'),
  cancelled: eventSubject('appointments', 'appointment', 'cancelled'),
  expired: eventSubject('appointments', 'appointment', 'expired'),
  noShow: eventSubject('appointments', 'appointment', 'no-show'),
  rebooked: eventSubject('appointments', 'appointment', 'rebooked'),
  /** A mail to the citizen (confirmation link, confirmation with iCalendar, cancellation); the mail service sends it. */
  notificationRequested: eventSubject('appointments', 'notification', 'requested'),
} as const;

/** Error codes of the appointments service (`AREA.REASON`). */
export enum AppointmentErrorCode {
  OFFICE_NOT_FOUND = 'APPOINTMENT.OFFICE_NOT_FOUND',
  SERVICE_NOT_OFFERED = 'APPOINTMENT.SERVICE_NOT_OFFERED',
  SERVICES_NOT_COMBINABLE = 'APPOINTMENT.SERVICES_NOT_COMBINABLE',
  TOO_MANY_OF_SERVICE = 'APPOINTMENT.TOO_MANY_OF_SERVICE',
  INVALID_RANGE = 'APPOINTMENT.INVALID_RANGE',
  SLOT_IN_PAST = 'APPOINTMENT.SLOT_IN_PAST',
  SLOT_OUTSIDE_HOURS = 'APPOINTMENT.SLOT_OUTSIDE_HOURS',
  SLOT_BEYOND_HORIZON = 'APPOINTMENT.SLOT_BEYOND_HORIZON',
  SLOT_TAKEN = 'APPOINTMENT.SLOT_TAKEN',
  NOT_FOUND = 'APPOINTMENT.NOT_FOUND',
  WRONG_AUTH_KEY = 'APPOINTMENT.WRONG_AUTH_KEY',
  TOO_MANY_ATTEMPTS = 'APPOINTMENT.TOO_MANY_ATTEMPTS',
  HOLD_EXPIRED = 'APPOINTMENT.HOLD_EXPIRED',
  ALREADY_CANCELLED = 'APPOINTMENT.ALREADY_CANCELLED',
  ILLEGAL_STATE = 'APPOINTMENT.ILLEGAL_STATE',
  CONTACT_REQUIRED = 'APPOINTMENT.CONTACT_REQUIRED',
  INVALID_OFFICE = 'APPOINTMENT.INVALID_OFFICE',
  EXTERNAL_UNAVAILABLE = 'APPOINTMENT.EXTERNAL_UNAVAILABLE',
  EXTERNAL_REJECTED = 'APPOINTMENT.EXTERNAL_REJECTED',
}
