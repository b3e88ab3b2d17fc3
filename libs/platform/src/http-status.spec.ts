import { ERROR_CODE_ENUMS, ErrorCode, MailErrorCode, TicketErrorCode } from '@d115/contracts';
import { HTTP_STATUS_BY_CODE, httpStatusFor } from './http-status';

describe('HTTP_STATUS_BY_CODE', () => {
  const everyCode = ERROR_CODE_ENUMS.flatMap((codes) => Object.values(codes) as string[]);

  it.each(everyCode)('has a status for %s', (code) => {
    expect(Object.hasOwn(HTTP_STATUS_BY_CODE, code)).toBe(true);
    expect(HTTP_STATUS_BY_CODE[code as keyof typeof HTTP_STATUS_BY_CODE]).toBeGreaterThanOrEqual(400);
  });

  it('lists no code that is not in an enum', () => {
    expect(Object.keys(HTTP_STATUS_BY_CODE).sort()).toEqual([...new Set(everyCode)].sort());
  });
});

describe('httpStatusFor', () => {
  it.each([
    [ErrorCode.VALIDATION_FAILED, 400],
    [ErrorCode.NOT_FOUND, 404],
    [ErrorCode.CONFLICT, 409],
    [ErrorCode.REQUEST_TIMEOUT, 504],
    [ErrorCode.SERVICE_UNAVAILABLE, 503],
    [ErrorCode.INTERNAL, 500],
    [TicketErrorCode.NOT_FOUND, 404],
    [TicketErrorCode.ILLEGAL_TRANSITION, 409],
    [TicketErrorCode.VERSION_CONFLICT, 412],
    [TicketErrorCode.AUTHORITY_UNKNOWN, 422],
    [MailErrorCode.QUARANTINE_NOT_FOUND, 404],
    [MailErrorCode.ATTACHMENT_NOT_FOUND, 404],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
  });

  it('answers a code it does not know as an internal error, whatever its name', () => {
    expect(httpStatusFor('MAIL.SOMETHING_NOT_FOUND')).toBe(500);
    expect(httpStatusFor('toString')).toBe(500);
  });
});
