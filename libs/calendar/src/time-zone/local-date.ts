/**
 * A calendar day without a time zone, counted as days since 1970-01-01.
 * Plain integers make "the next day" and per-day caches trivial and DST-proof.
 */
export type EpochDay = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function epochDay(year: number, month: number, day: number): EpochDay {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Parses a strict "YYYY-MM-DD"; undefined for anything else, including 2026-02-30. */
export function parseIsoDate(text: string): EpochDay | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const day = epochDay(Number(match[1]), Number(match[2]), Number(match[3]));
  // Date.UTC rolls over invalid days (and maps years < 100 to 19xx); the round trip catches both.
  return formatIsoDate(day) === text ? day : undefined;
}

export function formatIsoDate(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekdayOf(day: EpochDay): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

export function yearOf(day: EpochDay): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
