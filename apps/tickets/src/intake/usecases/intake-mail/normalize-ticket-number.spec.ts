import { normalizeTicketNumber } from './intake-mail.usecase';

describe('ticket numbers from thread hints', () => {
  it.each([
    ['115-2026-000123', '115-2026-000123'],
    ['2026-000123', '115-2026-000123'],
    ['115#2026-1234567', '115-2026-1234567'],
    [' 115-2026-000123 ', '115-2026-000123'],
    ['2026-123', undefined],
    ['116-2026-000123', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeTicketNumber(input)).toBe(expected);
  });
});
