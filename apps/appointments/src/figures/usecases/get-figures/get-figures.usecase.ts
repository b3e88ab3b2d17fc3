import { Injectable } from '@nestjs/common';
import { BusinessCalendar } from '@d115/calendar';
import { AppointmentErrorCode, AppointmentFiguresReply, AppointmentFiguresRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { AppointmentsException } from '../../../shared/appointments.exception';
import { shiftDate } from '../../../slots/booking-window';
import { FiguresRepository } from '../../figures.repository';

/** Days are local to Europe/Berlin; the calendar only converts them (its hours do not matter here). */
const BERLIN = new BusinessCalendar({ state: 'BE' });

/** Booked, cancelled, no-show and mean lead time per office and service for appointments in [from, to]. */
@Injectable()
export class GetFiguresUsecase {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: AppointmentFiguresRequest): Promise<AppointmentFiguresReply> {
    if (query.to < query.from) throw new AppointmentsException(AppointmentErrorCode.INVALID_RANGE, `to (${query.to}) is before from (${query.from})`);
    const from = BERLIN.startOfLocalDay(query.from);
    const to = BERLIN.startOfLocalDay(shiftDate(query.to, 1));
    return { rows: await this.figures.byOfficeAndService(this.transactions.manager, from, to, query.officeId) };
  }
}
