import { EpochDay } from '../time-zone/local-date';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Index = Date#getUTCDay (0 = Sunday). */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Wall-clock hours, "HH:MM"; `from` inclusive, `to` exclusive and may be "24:00". */
export interface TimeRange {
  from: string;
  to: string;
}

/** A weekday that is missing or empty is closed. */
export type WeeklyHours = Partial<Record<Weekday, readonly TimeRange[]>>;

/** A one-off holiday or closing day; `name` is what holidayOn reports. */
export interface ClosedDayOverride {
  date: string;
  closed: true;
  name: string;
}

/** Hours that replace the weekly hours on one date, even on a weekend or public holiday. */
export interface SpecialHoursOverride {
  date: string;
  hours: readonly TimeRange[];
  name?: string;
}

export type CalendarOverride = ClosedDayOverride | SpecialHoursOverride;

export interface CalendarConfig {
  /** IANA time zone; default Europe/Berlin. */
  timeZone?: string;
  /** Default: the 115 service hours, Mon–Fri 08:00–18:00. */
  weeklyHours?: WeeklyHours;
  /** Bundesland code as date-holidays spells it: 'MV', 'BE', 'BY', … */
  state: string;
  /** Region inside the state for regional holidays, e.g. 'A' (Augsburg) in 'BY'. */
  region?: string;
  /** At most one override per date. */
  overrides?: readonly CalendarOverride[];
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const SERVICE_HOURS: readonly TimeRange[] = [{ from: '08:00', to: '18:00' }];

export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  mon: SERVICE_HOURS,
  tue: SERVICE_HOURS,
  wed: SERVICE_HOURS,
  thu: SERVICE_HOURS,
  fri: SERVICE_HOURS,
};

/** Minutes of the local day, [start, end). */
export interface MinuteRange {
  start: number;
  end: number;
}

/** The validated config in the form the schedule works with. */
export interface ResolvedCalendarConfig {
  timeZone: string;
  /** Index = Date#getUTCDay (0 = Sunday); ranges sorted, non-overlapping. */
  weekly: readonly (readonly MinuteRange[])[];
  state: string;
  region?: string;
  closedDays: ReadonlyMap<EpochDay, string>;
  specialHours: ReadonlyMap<EpochDay, readonly MinuteRange[]>;
}
