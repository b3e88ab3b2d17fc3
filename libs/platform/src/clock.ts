import { Injectable } from '@nestjs/common';

/**
 * The service's notion of "now". Every domain time (creation, deadlines,
 * reservation expiry, audit) comes from here, never from the database's now(),
 * so tests can move time forward and see the scheduled work react.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private frozenAt?: number;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  /** Tests only: makes `now()` return `at` (time keeps running from there). */
  travelTo(at: Date): void {
    this.frozenAt = undefined;
    this.offsetMs = at.getTime() - Date.now();
  }

  /** Tests only: `now()` returns exactly `at` until the clock is moved again. */
  freezeAt(at: Date): void {
    this.frozenAt = at.getTime();
  }

  /** Tests only. */
  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }
}
