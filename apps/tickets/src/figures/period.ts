import { PeriodFiguresRequest, TicketErrorCode } from '@d115/contracts';
import { TicketsException } from '../shared/tickets.exception';
import { Period } from './figures.repository';

/** @throws FIGURES.INVALID_PERIOD when `to` is not after `from`. */
export function periodOf(query: PeriodFiguresRequest): Period {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(to > from)) throw new TicketsException(TicketErrorCode.INVALID_PERIOD, `the period must end after it starts (${query.from} – ${query.to})`);
  return { from, to, queue: query.queue };
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10000) / 10000;
}
