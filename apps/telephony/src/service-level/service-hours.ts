import { BusinessCalendar, CalendarConfig } from '@d115/calendar';
import { TelephonyEnv } from '../config/telephony.env';

/** The service center's hours (libs/calendar): calls outside them are not in the service level. */
export class ServiceHours {
  constructor(private readonly calendar: BusinessCalendar) {}

  static fromEnv(env: TelephonyEnv): ServiceHours {
    const config: CalendarConfig = { state: env.TELEPHONY_SERVICE_STATE };
    if (env.TELEPHONY_SERVICE_HOURS) {
      try {
        config.weeklyHours = JSON.parse(env.TELEPHONY_SERVICE_HOURS) as CalendarConfig['weeklyHours'];
      } catch (error) {
        throw new Error(`TELEPHONY_SERVICE_HOURS is not valid JSON: ${(error as Error).message}`);
      }
    }
    try {
      return new ServiceHours(new BusinessCalendar(config));
    } catch (error) {
      throw new Error(`TELEPHONY_SERVICE_* does not describe a valid calendar: ${(error as Error).message}`);
    }
  }

  isOpenAt(at: Date): boolean {
    return this.calendar.isOpenAt(at);
  }
}
