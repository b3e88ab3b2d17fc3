import type { BusinessCalendar } from '@d115/calendar';
import type { SlaMetric, TicketState } from '@d115/contracts';

export type ClockStatus = 'running' | 'paused' | 'stopped';

/** The state of one SLA clock (first response or resolution) of one case. */
export interface ClockState {
  metric: SlaMetric;
  targetMinutes: number;
  warningShare: number;
  pauseInPendingAuthority: boolean;
  status: ClockStatus;
  /** Business minutes used before the current running stretch. */
  consumedMinutes: number;
  runningSince: Date | null;
  warnAt: Date | null;
  dueAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
}

export interface ClockTarget {
  targetMinutes: number;
  warningShare: number;
  pauseInPendingAuthority: boolean;
}

/** A clock after a change, and whether the change itself breached it (stopped past the deadline). */
export interface ClockChange {
  clock: ClockState;
  breachedNow: boolean;
}

/**
 * SLA clocks in business time: they run in service hours only, pause while the
 * case waits for the citizen (and, if configured, for an authority), and stop
 * when the goal is reached. Warning and deadline instants are recomputed on
 * each resume, so a pause pushes them out by exactly its business length.
 */
export class SlaClockMath {
  constructor(private readonly calendar: BusinessCalendar) {}

  start(metric: SlaMetric, target: ClockTarget, at: Date): ClockState {
    return this.withDeadlines({
      metric,
      ...target,
      status: 'running',
      consumedMinutes: 0,
      runningSince: at,
      warnAt: null,
      dueAt: null,
      warnedAt: null,
      breachedAt: null,
      metAt: null,
    });
  }

  /** Business minutes used up to `at`, pauses excluded. */
  elapsed(clock: ClockState, at: Date): number {
    if (clock.status !== 'running' || !clock.runningSince) return clock.consumedMinutes;
    return clock.consumedMinutes + Math.max(0, this.calendar.businessMinutesBetween(clock.runningSince, at));
  }

  pause(clock: ClockState, at: Date): ClockState {
    if (clock.status !== 'running') return clock;
    return { ...clock, status: 'paused', consumedMinutes: this.elapsed(clock, at), runningSince: null, warnAt: null, dueAt: null };
  }

  resume(clock: ClockState, at: Date): ClockState {
    if (clock.status === 'running') return clock;
    return this.withDeadlines({ ...clock, status: 'running', runningSince: at, metAt: null });
  }

  /** Goal reached at `at`; a clock past its deadline that was not yet reported is breached now. */
  stop(clock: ClockState, at: Date): ClockChange {
    if (clock.status === 'stopped') return { clock, breachedNow: false };
    const consumedMinutes = this.elapsed(clock, at);
    const breachedNow = !clock.breachedAt && consumedMinutes >= clock.targetMinutes;
    return {
      clock: {
        ...clock,
        status: 'stopped',
        consumedMinutes,
        runningSince: null,
        warnAt: null,
        dueAt: null,
        metAt: at,
        breachedAt: breachedNow ? at : clock.breachedAt,
      },
      breachedNow,
    };
  }

  /** What a state change of the case does to the clock. */
  afterStateChange(clock: ClockState, to: TicketState, at: Date): ClockChange {
    switch (to) {
      case 'answered':
      case 'closed':
        return this.stop(clock, at);
      case 'pending_citizen':
        return { clock: this.pause(clock, at), breachedNow: false };
      case 'pending_authority':
        return { clock: clock.pauseInPendingAuthority ? this.pause(clock, at) : this.resume(clock, at), breachedNow: false };
      case 'new':
      case 'open':
        // A reopened case needs a new answer; a first response once given stays given.
        if (clock.status === 'stopped' && clock.metric === 'first_response') return { clock, breachedNow: false };
        return { clock: this.resume(clock, at), breachedNow: false };
    }
  }

  private withDeadlines(clock: ClockState): ClockState {
    const since = clock.runningSince!;
    const left = (minutes: number) => Math.max(0, minutes - clock.consumedMinutes);
    return {
      ...clock,
      dueAt: this.calendar.addBusinessMinutes(since, left(clock.targetMinutes)),
      warnAt: clock.warnedAt ? null : this.calendar.addBusinessMinutes(since, left(clock.targetMinutes * clock.warningShare)),
    };
  }
}
