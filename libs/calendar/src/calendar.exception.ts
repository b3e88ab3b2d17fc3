export enum CalendarErrorCode {
  InvalidConfig = 'CALENDAR.INVALID_CONFIG',
  InvalidArgument = 'CALENDAR.INVALID_ARGUMENT',
  NoOpening = 'CALENDAR.NO_OPENING',
}

export class CalendarException extends Error {
  override readonly name = 'CalendarException';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    /** Every problem found, so a bad config is fixed in one round. */
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}
