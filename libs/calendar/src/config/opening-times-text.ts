import { Weekday } from './calendar-config';

const DAY_NAMES: Record<string, Weekday> = {
  monday: 'mon',
  tuesday: 'tue',
  wednesday: 'wed',
  thursday: 'thu',
  friday: 'fri',
  saturday: 'sat',
  sunday: 'sun',
};

/** One opening range of a weekday, wall clock "HH:MM". */
export interface WeekdayRange {
  weekday: Weekday;
  from: string;
  to: string;
}

/**
 * Opening times as the DLDB (Dienstleistungsdatenbank) writes them:
 * `{monday: "08:00-12:00, 13:00-18:00", …}` (also "8.00 bis 12.00", "–").
 * What does not parse is kept as a note (`"saturday: nach Vereinbarung"`);
 * a plain string instead of the object is a note as a whole.
 */
export function parseOpeningTimesText(value: unknown): { ranges: WeekdayRange[]; notes: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ranges: [], notes: typeof value === 'string' ? [value] : [] };
  const ranges: WeekdayRange[] = [];
  const notes: string[] = [];
  for (const [name, text] of Object.entries(value)) {
    const weekday = DAY_NAMES[name.toLowerCase()];
    const spans = typeof text === 'string' ? [...text.matchAll(/(\d{1,2})[:.](\d{2})\s*(?:-|–|bis)\s*(\d{1,2})[:.](\d{2})/g)] : [];
    if (!weekday || (typeof text === 'string' && text.trim() && spans.length === 0)) {
      if (typeof text === 'string' && text.trim()) notes.push(`${name}: ${text.trim()}`);
      continue;
    }
    for (const [, h1, m1, h2, m2] of spans) ranges.push({ weekday, from: `${h1.padStart(2, '0')}:${m1}`, to: `${h2.padStart(2, '0')}:${m2}` });
  }
  return { ranges, notes };
}
