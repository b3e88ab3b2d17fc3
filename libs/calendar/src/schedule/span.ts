/** A half-open stretch of time [start, end) in ms since the epoch (UTC). */
export interface Span {
  start: number;
  end: number;
}
