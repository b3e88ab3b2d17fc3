import { TicketErrorCode } from '@d115/contracts';
import { periodOf, ratio } from './period';

describe('figures periods', () => {
  it('accepts a period that ends after it starts', () => {
    expect(periodOf({ actor: 'x', from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z', queue: 'a' })).toEqual({
      from: new Date('2027-03-01T00:00:00Z'),
      to: new Date('2027-04-01T00:00:00Z'),
      queue: 'a',
    });
  });

  it('refuses an empty or inverted period with FIGURES.INVALID_PERIOD', () => {
    expect(() => periodOf({ actor: 'x', from: '2027-03-01T00:00:00Z', to: '2027-03-01T00:00:00Z' })).toThrow(
      expect.objectContaining({ code: TicketErrorCode.INVALID_PERIOD }),
    );
  });

  it('rounds ratios to four places and has none for nothing', () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(0, 0)).toBeNull();
  });
});
