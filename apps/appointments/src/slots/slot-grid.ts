import { Injectable } from '@nestjs/common';
import { BusinessCalendar } from '@d115/calendar';
import { AppointmentErrorCode, AvailableDayDto } from '@d115/contracts';
import { Office } from '../offices/office';
import { ServicePlan } from '../offices/service-plan';
import { AppointmentsException } from '../shared/appointments.exception';
import { BookingWindow, shiftDate } from './booking-window';
import { Occupancy } from './occupancy';

/** Up to a year of 5-minute starts at one office; beyond that the calendar refuses. */
const MAX_STARTS = 110_000;

/** The starts of one appointment length over a span, with what the reply needs of each, laid out once. */
export interface StartGrid {
  /** Start instants (ms), ascending. */
  starts: Float64Array;
  /** The same starts as ISO strings, as the reply carries them. */
  iso: string[];
  /** Per start: the index of its local day in `dates`. */
  day: Uint16Array;
  dates: string[];
}

/** Grids kept per instance; each is a few hundred kilobytes at most (a year of 5-minute starts). */
const MAX_GRIDS = 64;

/**
 * The office's grid of starts per (office version, appointment length, span):
 * laying it out expands opening hours, holidays and closing days into thousands
 * of slots and formats each start, which availability must not pay on every
 * request. Keyed by `updatedAt` like the calendars, so a changed office (on any
 * instance) gets a fresh grid; the span starts at local midnight, so one grid
 * serves a day's requests whatever their lead time cut.
 */
@Injectable()
export class StartGrids {
  private readonly cache = new Map<string, StartGrid>();

  for(calendar: BusinessCalendar, office: Office, units: number, span: { from: Date; to: Date }): StartGrid {
    const key = `${office.id}|${office.updatedAt.getTime()}|${units}|${span.from.getTime()}|${span.to.getTime()}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const grid = layOut(calendar, office, units, span);
    if (this.cache.size >= MAX_GRIDS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, grid);
    return grid;
  }
}

function layOut(calendar: BusinessCalendar, office: Office, units: number, span: { from: Date; to: Date }): StartGrid {
  const slots = calendar.slots({
    from: span.from,
    to: span.to,
    durationMinutes: units * office.slotMinutes,
    stepMinutes: office.slotMinutes,
    maxSlots: MAX_STARTS,
  });
  const starts = new Float64Array(slots.length);
  const day = new Uint16Array(slots.length);
  const iso: string[] = new Array<string>(slots.length);
  const dates: string[] = [];
  let dayEnds = -Infinity;
  slots.forEach((slot, i) => {
    const start = slot.start.getTime();
    if (start >= dayEnds) {
      const date = calendar.localDateOf(slot.start);
      dates.push(date);
      dayEnds = calendar.startOfLocalDay(shiftDate(date, 1)).getTime();
    }
    starts[i] = start;
    day[i] = dates.length - 1;
    iso[i] = slot.start.toISOString();
  });
  return { starts, iso, day, dates };
}

/** The first index whose start is at or after `at`. */
function firstAtOrAfter(starts: Float64Array, at: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle] < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Free starts per local day inside `range`: the grid's starts (inside opening
 * hours, not across a closing time, none on a holiday or closing day), kept
 * where some counter is free for the whole length.
 */
export function freeDays(grid: StartGrid, range: { from: Date; to: Date }, units: number, occupancy: Occupancy): AvailableDayDto[] {
  const days: AvailableDayDto[] = [];
  let day: AvailableDayDto | undefined;
  let dayIndex = -1;
  const end = range.to.getTime();
  for (let i = firstAtOrAfter(grid.starts, range.from.getTime()); i < grid.starts.length && grid.starts[i] < end; i++) {
    if (!occupancy.isFree(grid.starts[i], units)) continue;
    if (grid.day[i] !== dayIndex) {
      dayIndex = grid.day[i];
      day = { date: grid.dates[dayIndex], starts: [] };
      days.push(day);
    }
    day!.starts.push(grid.iso[i]);
  }
  return days;
}

/**
 * A start one may book: not in the past nor inside the lead time, inside the
 * horizon, on the office's grid inside its hours (the appointment ending by the
 * closing time). @throws AppointmentsException with the reason's code.
 */
export function checkStart(calendar: BusinessCalendar, office: Office, plan: ServicePlan, start: Date, now: Date, window: BookingWindow, onGrid = true): void {
  if (start.getTime() < now.getTime()) throw new AppointmentsException(AppointmentErrorCode.SLOT_IN_PAST, `${start.toISOString()} is in the past`);
  if (start < window.earliest) {
    throw new AppointmentsException(
      AppointmentErrorCode.SLOT_IN_PAST,
      `${office.id} books from ${office.leadTimeMinutes} minutes ahead (${window.earliest.toISOString()})`,
    );
  }
  if (start >= window.latest) {
    throw new AppointmentsException(AppointmentErrorCode.SLOT_BEYOND_HORIZON, `${office.id} books up to ${office.horizonDays} days ahead`);
  }
  if (!onGrid) return;
  const durationMinutes = plan.units * office.slotMinutes;
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  const [slot] = calendar.slots({ from: start, to: end, durationMinutes, stepMinutes: office.slotMinutes, maxSlots: 1 });
  if (slot?.start.getTime() !== start.getTime()) {
    throw new AppointmentsException(
      AppointmentErrorCode.SLOT_OUTSIDE_HOURS,
      `${start.toISOString()} is not a start inside ${office.id}'s opening hours and grid`,
    );
  }
}
