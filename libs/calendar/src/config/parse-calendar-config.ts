import { CalendarErrorCode, CalendarException } from '../calendar.exception';
import { knownRegions, knownStates } from '../holidays/holiday-table';
import { EpochDay, parseIsoDate } from '../time-zone/local-date';
import { isKnownTimeZone } from '../time-zone/zoned-time';
import { CalendarConfig, DEFAULT_TIME_ZONE, DEFAULT_WEEKLY_HOURS, MinuteRange, ResolvedCalendarConfig, WEEKDAYS, Weekday } from './calendar-config';
import { isRecord } from './is-record';
import { parseTimeRanges } from './time-range';

const CONFIG_KEYS = new Set(['timeZone', 'weeklyHours', 'state', 'region', 'overrides']);

/**
 * Checks a plain config object (it may come from JSON or env, so nothing is trusted)
 * and resolves defaults. Throws one CalendarException listing every problem.
 */
export function parseCalendarConfig(input: CalendarConfig): ResolvedCalendarConfig {
  const issues: string[] = [];
  const config: unknown = input;
  if (!isRecord(config)) {
    throw invalid(['config must be an object']);
  }
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.has(key)) issues.push(`unknown key "${key}"`);
  }

  const timeZone = parseTimeZone(config.timeZone, issues);
  const weekly = parseWeeklyHours(config.weeklyHours, issues);
  const { state, region } = parseStateAndRegion(config.state, config.region, issues);
  const { closedDays, specialHours } = parseOverrides(config.overrides, issues);

  if (issues.length > 0) throw invalid(issues);
  return { timeZone, weekly, state, region, closedDays, specialHours };
}

function invalid(issues: string[]): CalendarException {
  return new CalendarException(CalendarErrorCode.InvalidConfig, `Invalid calendar config: ${issues.join('; ')}`, issues);
}

function parseTimeZone(value: unknown, issues: string[]): string {
  if (value === undefined) return DEFAULT_TIME_ZONE;
  if (typeof value !== 'string' || !isKnownTimeZone(value)) {
    issues.push(`timeZone ${JSON.stringify(value)} is not a known IANA time zone`);
  }
  return String(value);
}

function parseWeeklyHours(value: unknown, issues: string[]): MinuteRange[][] {
  const source: unknown = value ?? DEFAULT_WEEKLY_HOURS;
  if (!isRecord(source)) {
    issues.push('weeklyHours must map weekdays (mon … sun) to lists of hours');
    return WEEKDAYS.map(() => []);
  }
  for (const key of Object.keys(source)) {
    if (!WEEKDAYS.includes(key as Weekday)) {
      issues.push(`weeklyHours.${key} is not a weekday; use ${WEEKDAYS.join(', ')}`);
    }
  }
  const weekly = WEEKDAYS.map((day) => (source[day] === undefined ? [] : parseTimeRanges(source[day], `weeklyHours.${day}`, issues)));
  // A calendar that never opens would send deadline searches into the void.
  if (issues.length === 0 && weekly.every((ranges) => ranges.length === 0)) {
    issues.push('weeklyHours has no open hours at all');
  }
  return weekly;
}

function parseStateAndRegion(state: unknown, region: unknown, issues: string[]): { state: string; region?: string } {
  const states = knownStates();
  if (typeof state !== 'string' || !Object.hasOwn(states, state)) {
    // date-holidays silently falls back to nationwide holidays for an unknown state.
    issues.push(`state ${JSON.stringify(state)} is not a German state; use one of ${Object.keys(states).join(', ')}`);
    return { state: String(state) };
  }
  if (region === undefined) return { state };
  const regions = knownRegions(state);
  if (typeof region !== 'string' || !Object.hasOwn(regions, region)) {
    const known = Object.keys(regions);
    issues.push(
      `region ${JSON.stringify(region)} is not a region of ${state}` + (known.length > 0 ? `; use one of ${known.join(', ')}` : `; ${state} has no regions`),
    );
  }
  return { state, region: String(region) };
}

function parseOverrides(value: unknown, issues: string[]): { closedDays: Map<EpochDay, string>; specialHours: Map<EpochDay, MinuteRange[]> } {
  const closedDays = new Map<EpochDay, string>();
  const specialHours = new Map<EpochDay, MinuteRange[]>();
  if (value === undefined) return { closedDays, specialHours };
  if (!Array.isArray(value)) {
    issues.push('overrides must be a list');
    return { closedDays, specialHours };
  }
  value.forEach((override: unknown, index) => {
    const at = `overrides[${index}]`;
    if (!isRecord(override)) {
      issues.push(`${at} must be an object`);
      return;
    }
    const day = typeof override.date === 'string' ? parseIsoDate(override.date) : undefined;
    if (day === undefined) {
      issues.push(`${at}.date must be a calendar date "YYYY-MM-DD", got ${JSON.stringify(override.date)}`);
    } else if (closedDays.has(day) || specialHours.has(day)) {
      issues.push(`${at}.date ${override.date} already has an override`);
    }
    if (override.name !== undefined && (typeof override.name !== 'string' || override.name.trim() === '')) {
      issues.push(`${at}.name must be a non-empty string`);
    }
    if ((override.closed === undefined) === (override.hours === undefined)) {
      issues.push(`${at} needs either closed: true or hours`);
    } else if (override.closed !== undefined) {
      if (override.closed !== true) issues.push(`${at}.closed must be true`);
      if (override.name === undefined) issues.push(`${at}.name is required for a closed day`);
      if (day !== undefined) closedDays.set(day, String(override.name));
    } else {
      if (Array.isArray(override.hours) && override.hours.length === 0) {
        issues.push(`${at}.hours is empty; use closed: true for a closed day`);
      }
      const ranges = parseTimeRanges(override.hours, `${at}.hours`, issues);
      if (day !== undefined) specialHours.set(day, ranges);
    }
  });
  return { closedDays, specialHours };
}
