import { addOpenTime, openTimeBetween } from './business-time';

// Open 10–20 and 30–40 (ms), as the schedule would hand them over.
const spans = [
  { start: 10, end: 20 },
  { start: 30, end: 40 },
];

describe('addOpenTime', () => {
  const sut = addOpenTime;

  it('moves a start outside the spans to the next opening', () => {
    expect(sut(spans, 0, 0)).toBe(10);
    expect(sut(spans, 0, 5)).toBe(15);
  });

  it('ends on a closing time when the span is used up exactly, else carries over', () => {
    expect(sut(spans, 12, 8)).toBe(20);
    expect(sut(spans, 12, 9)).toBe(31);
  });

  it('fails loudly when the spans run out', () => {
    expect(() => sut(spans, 0, 21)).toThrow('open spans ended before the duration was used up');
  });
});

describe('openTimeBetween', () => {
  const sut = openTimeBetween;

  it('sums the parts of the spans inside the range', () => {
    expect(sut(spans, 15, 35)).toBe(10);
    expect(sut(spans, 0, 50)).toBe(20);
    expect(sut(spans, 21, 29)).toBe(0);
  });
});
