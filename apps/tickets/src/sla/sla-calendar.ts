import { BusinessCalendar, CalendarConfig } from '@d115/calendar';
import { TicketsEnv } from '../config/tickets.env';
import { SlaClockMath } from './domain/sla-clock';

/** The service center's business calendar from env; a bad config stops the start naming the variable. */
export function slaClockMathFromEnv(env: TicketsEnv): SlaClockMath {
  const config: CalendarConfig = {
    state: env.TICKETS_SLA_STATE,
    ...(env.TICKETS_SLA_REGION ? { region: env.TICKETS_SLA_REGION } : {}),
    ...(env.TICKETS_SLA_WEEKLY_HOURS ? { weeklyHours: json(env.TICKETS_SLA_WEEKLY_HOURS, 'TICKETS_SLA_WEEKLY_HOURS') } : {}),
    ...(env.TICKETS_SLA_OVERRIDES ? { overrides: json(env.TICKETS_SLA_OVERRIDES, 'TICKETS_SLA_OVERRIDES') } : {}),
  };
  try {
    return new SlaClockMath(new BusinessCalendar(config));
  } catch (error) {
    throw new Error(`TICKETS_SLA_* does not describe a valid business calendar: ${(error as Error).message}`);
  }
}

function json<T>(text: string, name: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}
