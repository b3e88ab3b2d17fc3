import { MINUTES_PER_DAY } from '../time-zone/local-date';
import { MinuteRange } from './calendar-config';
import { isRecord } from './is-record';

const HH_MM = /^(\d{2}):(\d{2})$/;

/** "HH:MM" → minutes of the day; "24:00" only where it may end a range. */
export function parseTimeOfDay(text: unknown, allowEndOfDay: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = HH_MM.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours < 24) return hours * 60 + minutes;
  return allowEndOfDay && hours === 24 && minutes === 0 ? MINUTES_PER_DAY : undefined;
}

export function formatTimeOfDay(minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/** Validates a list of { from, to }; pushes every problem to `issues`, returns the sorted ranges. */
export function parseTimeRanges(value: unknown, path: string, issues: string[]): MinuteRange[] {
  if (!Array.isArray(value)) {
    issues.push(`${path} must be a list of { from: "HH:MM", to: "HH:MM" }`);
    return [];
  }
  const ranges: MinuteRange[] = [];
  value.forEach((item: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(item)) {
      issues.push(`${at} must be { from: "HH:MM", to: "HH:MM" }`);
      return;
    }
    const start = parseTimeOfDay(item.from, false);
    const end = parseTimeOfDay(item.to, true);
    if (start === undefined) issues.push(`${at}.from must be "HH:MM" between 00:00 and 23:59, got ${JSON.stringify(item.from)}`);
    if (end === undefined) issues.push(`${at}.to must be "HH:MM" between 00:00 and 24:00, got ${JSON.stringify(item.to)}`);
    if (start === undefined || end === undefined) return;
    if (end <= start) issues.push(`${at} ${item.from}–${item.to} does not end after it starts`);
    else ranges.push({ start, end });
  });
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const [previous, current] = [ranges[i - 1], ranges[i]];
    if (current.start < previous.end) {
      issues.push(
        `${path}: ${formatTimeOfDay(previous.start)}–${formatTimeOfDay(previous.end)} overlaps ` +
          `${formatTimeOfDay(current.start)}–${formatTimeOfDay(current.end)}`,
      );
    }
  }
  return ranges;
}
