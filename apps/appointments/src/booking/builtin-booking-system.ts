import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BusinessCalendar } from '@d115/calendar';
import { AvailableDayDto } from '@d115/contracts';
import { BookingSystem, ExternalRef, Hold } from '../external/booking-system';
import { Office } from '../offices/office';
import { OfficesRepository } from '../offices/offices.repository';
import { ServicePlan } from '../offices/service-plan';
import { OccupancyReader } from '../slots/occupancy-reader';
import { freeDays, StartGrids } from '../slots/slot-grid';
import { BookingSteps } from './booking-steps';

/**
 * d115's own calendar: the office's grid from libs/calendar minus booked units
 * and live holds. A reservation locks the office row, so every instance checks
 * and takes a counter in one step; the units' primary key backs that up. The
 * booking's own state is all there is, so the other steps have nothing to tell.
 */
@Injectable()
export class BuiltinBookingSystem implements BookingSystem {
  readonly name = 'builtin' as const;
  readonly usesOwnGrid = true;
  readonly mailsCitizens = true;
  readonly movable = true;

  constructor(
    private readonly offices: OfficesRepository,
    private readonly steps: BookingSteps,
    private readonly grids: StartGrids,
    private readonly occupancy: OccupancyReader,
  ) {}

  async availability(
    manager: EntityManager,
    office: Office,
    plan: ServicePlan,
    range: { from: Date; to: Date },
    calendar: BusinessCalendar,
    now: Date,
  ): Promise<AvailableDayDto[]> {
    // From local midnight, so one grid and one kept snapshot serve a day's requests whatever their lead-time cut.
    const span = { from: calendar.startOfLocalDay(calendar.localDateOf(range.from)), to: range.to };
    const occupancy = await this.occupancy.read(manager, office, span, now);
    return freeDays(this.grids.for(calendar, office, plan.units, span), range, plan.units, occupancy);
  }

  async reserve(
    manager: EntityManager,
    office: Office,
    plan: ServicePlan,
    start: Date,
    hold: Hold,
  ): Promise<{ counter: number; externalRef: ExternalRef | null }> {
    const locked = await this.offices.relock(manager, office);
    return { counter: await this.steps.take(manager, locked, start, plan.units, hold.appointmentId, hold.holdUntil, hold.now), externalRef: null };
  }

  async update(): Promise<void> {}
  async preconfirm(): Promise<void> {}
  async confirm(): Promise<void> {}
  async cancel(): Promise<void> {}
}
