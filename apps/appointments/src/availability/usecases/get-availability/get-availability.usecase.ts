import { Injectable } from '@nestjs/common';
import { AvailabilityReply, GetAvailabilityRequest, OfficeAvailabilityDto } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { BookingSystems } from '../../../booking/booking-systems';
import { OfficeCalendars } from '../../../offices/office-calendars';
import { OfficesRepository } from '../../../offices/offices.repository';
import { planServices } from '../../../offices/service-plan';
import { bookingWindow, rangeInWindow } from '../../../slots/booking-window';

/**
 * Bookable days and free start times per office: opening hours × counters minus
 * booked units and live holds, inside lead time and horizon. One indexed read of
 * the booked units per office; the grid comes from the office's cached calendar.
 */
@Injectable()
export class GetAvailabilityUsecase {
  constructor(
    private readonly offices: OfficesRepository,
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

  private async forOffice(officeId: string, query: GetAvailabilityRequest): Promise<OfficeAvailabilityDto> {
    const manager = this.transactions.manager;
    const office = await this.offices.get(manager, officeId);
    const plan = planServices(office, query.services);
    const calendar = this.calendars.for(office);
    const now = this.clock.now();
    const range = rangeInWindow(calendar, bookingWindow(office, calendar, now), now, query.from, query.to);
    if (!range) return { officeId, durationMinutes: plan.durationMinutes, days: [] };
    const days = await this.systems.for(office).availability(manager, office, plan, range, calendar, now);
    return { officeId, durationMinutes: plan.durationMinutes, days };
  }
}
