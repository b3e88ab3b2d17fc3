import { BusinessCalendar } from '@d115/calendar';
import { AppointmentErrorCode, AvailableDayDto } from '@d115/contracts';
import { Office } from '../offices/office';
import { ServicePlan } from '../offices/service-plan';
import { AppointmentsException } from '../shared/appointments.exception';
import { BookingWindow, shiftDate } from './booking-window';
import { Occupancy } from './occupancy';

/** Up to a year of 5-minute starts at one office; beyond that the calendar refuses. */
const MAX_STARTS = 110_000;

/**
 * Free starts per local day: the calendar's slots of the plan's length on the
 * office's grid (inside opening hours, not across a closing time, none on a
 * holiday or closing day), kept where some counter is free for the whole length.
 */
export function freeDays(
  calendar: BusinessCalendar,
  office: Office,
  plan: ServicePlan,
  range: { from: Date; to: Date },
  occupancy: Occupancy,
): AvailableDayDto[] {
  const slots = calendar.slots({
    from: range.from,
    to: range.to,
    durationMinutes: plan.units * office.slotMinutes,
    stepMinutes: office.slotMinutes,
    maxSlots: MAX_STARTS,
  });
  const days: AvailableDayDto[] = [];
  let day: AvailableDayDto | undefined;
  let dayEnds = 0;
  for (const slot of slots) {
    const start = slot.start.getTime();
    if (occupancy.freeCounter(start, plan.units) === undefined) continue;
    if (!day || start >= dayEnds) {
      const date = calendar.localDateOf(slot.start);
      day = { date, starts: [] };
      days.push(day);
      dayEnds = calendar.startOfLocalDay(shiftDate(date, 1)).getTime();
    }
    day.starts.push(slot.start.toISOString());
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
