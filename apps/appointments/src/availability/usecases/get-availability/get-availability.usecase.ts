import { Injectable } from '@nestjs/common';
import { AvailabilityReply, GetAvailabilityRequest, OfficeAvailabilityDto } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { BookingSystems } from '../../../booking/booking-systems';
import { OfficeCalendars } from '../../../offices/office-calendars';
import { Office } from '../../../offices/office';
import { OfficeChanged, OfficeSnapshots } from '../../../offices/office-snapshots';
import { OfficesRepository } from '../../../offices/offices.repository';
import { planServices } from '../../../offices/service-plan';
import { bookingWindow, rangeInWindow } from '../../../slots/booking-window';

/**
 * Bookable days and free start times per office: opening hours × counters minus
 * booked units and live holds, inside lead time and horizon. One statement per
 * office (the booked units, checking the office snapshot's version); the grid of
 * starts is laid out once per office version and day (StartGrids).
 */
@Injectable()
export class GetAvailabilityUsecase {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly snapshots: OfficeSnapshots,
    private readonly calendars: OfficeCalendars,
    private readonly systems: BookingSystems,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetAvailabilityRequest): Promise<AvailabilityReply> {
    const offices: OfficeAvailabilityDto[] = [];
    for (const officeId of new Set(query.officeIds)) offices.push(await this.forOffice(officeId, query));
    return { offices };
  }

  /**
   * From the instance's snapshot of a built-in office when it has one: the booked
   * units' query confirms its version (other systems read the office every time).
   */
  private async forOffice(officeId: string, query: GetAvailabilityRequest): Promise<OfficeAvailabilityDto> {
    const snapshot = this.snapshots.get(officeId);
    if (snapshot?.bookingSystem === 'builtin') {
      try {
        return await this.compute(snapshot, query);
      } catch (error) {
        if (!(error instanceof OfficeChanged)) throw error;
      }
    }
    return this.compute(this.snapshots.remember(await this.offices.get(this.transactions.manager, officeId)), query);
  }

  private async compute(office: Office, query: GetAvailabilityRequest): Promise<OfficeAvailabilityDto> {
    const plan = planServices(office, query.services);
    const calendar = this.calendars.for(office);
    const now = this.clock.now();
    const range = rangeInWindow(calendar, bookingWindow(office, calendar, now), now, query.from, query.to);
    if (!range) return { officeId: office.id, durationMinutes: plan.durationMinutes, days: [] };
    const days = await this.systems.for(office).availability(this.transactions.manager, office, plan, range, calendar, now);
    return { officeId: office.id, durationMinutes: plan.durationMinutes, days };
  }
}
