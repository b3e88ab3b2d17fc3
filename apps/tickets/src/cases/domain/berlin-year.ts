const YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' });

/** The year of an instant in Germany (a case created at 00:30 on 1 January belongs to the new year). */
export function berlinYear(at: Date): number {
  return Number(YEAR.format(at));
}
