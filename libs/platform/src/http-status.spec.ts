import { ErrorCode } from '@d115/contracts';
import { httpStatusFor } from './http-status';

describe('httpStatusFor', () => {
  it.each([
    [ErrorCode.VALIDATION_FAILED, 400],
    [ErrorCode.NOT_FOUND, 404],
    [ErrorCode.CONFLICT, 409],
    [ErrorCode.REQUEST_TIMEOUT, 504],
    [ErrorCode.SERVICE_UNAVAILABLE, 503],
    [ErrorCode.INTERNAL, 500],
    ['TICKET.NOT_FOUND', 404],
    ['TICKET.ILLEGAL_TRANSITION', 409],
    ['TICKET.VERSION_CONFLICT', 409],
    ['CALENDAR.INVALID_CONFIG', 400],
    ['MAIL.SOMETHING_ELSE', 422],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
  });
});
