export { BusinessCalendar } from './business-calendar';
export type { BusinessInterval, SlotQuery } from './business-calendar';
export { CalendarErrorCode, CalendarException } from './calendar.exception';
export { DEFAULT_TIME_ZONE, DEFAULT_WEEKLY_HOURS } from './config/calendar-config';
export type { CalendarConfig, CalendarOverride, ClosedDayOverride, SpecialHoursOverride, TimeRange, Weekday, WeeklyHours } from './config/calendar-config';
export { parseOpeningTimesText } from './config/opening-times-text';
export type { WeekdayRange } from './config/opening-times-text';
