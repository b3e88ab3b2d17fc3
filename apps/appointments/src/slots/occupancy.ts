/**
 * Which counters are taken at which grid unit (by start instant, ms). A start is
 * free when one counter is free for every unit the appointment needs.
 */
export class Occupancy {
  private readonly taken = new Map<number, Set<number>>();
  private readonly full = new Set<number>();

  constructor(
    private readonly counters: number,
    private readonly unitMs: number,
  ) {}

  add(unitStart: number, counter: number): void {
    let counters = this.taken.get(unitStart);
    if (!counters) this.taken.set(unitStart, (counters = new Set()));
    counters.add(counter);
    if (counters.size >= this.counters) this.full.add(unitStart);
  }

  /** Whether some counter is free for `units` units from `start` (a one-unit start needs no counter search). */
  isFree(start: number, units: number): boolean {
    if (units === 1) return !this.full.has(start);
    return this.freeCounter(start, units) !== undefined;
  }

  /** The lowest counter free for `units` consecutive units from `start`; undefined when all are taken. */
  freeCounter(start: number, units: number): number | undefined {
    for (let counter = 1; counter <= this.counters; counter++) {
      let free = true;
      for (let i = 0; i < units && free; i++) free = !this.taken.get(start + i * this.unitMs)?.has(counter);
      if (free) return counter;
    }
    return undefined;
  }
}

/** The unit starts an appointment from `start` covers. */
export function unitsOf(start: number, units: number, unitMs: number): Date[] {
  return Array.from({ length: units }, (_, i) => new Date(start + i * unitMs));
}
