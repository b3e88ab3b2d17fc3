import Holidays from 'date-holidays';
import { EpochDay, formatIsoDate, yearOf } from '../time-zone/local-date';

const COUNTRY = 'DE';

// One instance only answers "which states/regions exist"; it holds no rules.
let directory: Holidays | undefined;
function holidayDirectory(): Holidays {
  directory ??= new Holidays();
  return directory;
}

/** Bundesland codes date-holidays knows, e.g. { MV: 'Mecklenburg Vorpommern', … }. */
export function knownStates(): Record<string, string> {
  return holidayDirectory().getStates(COUNTRY) ?? {};
}

export function knownRegions(state: string): Record<string, string> {
  return holidayDirectory().getRegions(COUNTRY, state) ?? {};
}

/**
 * Public holidays of one German state (and region), by local date.
 * Each year is computed once: date-holidays evaluates its rules on every call.
 */
export class HolidayTable {
  private readonly source: Holidays;
  private readonly years = new Map<number, ReadonlyMap<string, string>>();

  constructor(state: string, region?: string) {
    const options = { types: ['public' as const], languages: 'de' };
    this.source = region ? new Holidays(COUNTRY, state, region, options) : new Holidays(COUNTRY, state, options);
  }

  /** The holiday name on `day`, or undefined on a working day. */
  nameOn(day: EpochDay): string | undefined {
    const iso = formatIsoDate(day);
    return this.year(yearOf(day)).get(iso);
  }

  private year(year: number): ReadonlyMap<string, string> {
    let table = this.years.get(year);
    if (!table) {
      const byDate = new Map<string, string>();
      for (const holiday of this.source.getHolidays(year)) {
        // `date` is the local "YYYY-MM-DD hh:mm:ss"; a public holiday closes the whole day.
        const date = holiday.date.slice(0, 10);
        const other = byDate.get(date);
        byDate.set(date, other ? `${other} / ${holiday.name}` : holiday.name);
      }
      table = byDate;
      this.years.set(year, table);
    }
    return table;
  }
}
