import type { SlaClockView } from '@d115/contracts';

/** The colour of an SLA clock: warning when a quarter of the service hours is left (or the service warned), breach once past due. */
export function slaLevel(clock: SlaClockView): 'ok' | 'warning' | 'breached' | 'met' {
  if (clock.metAt || clock.status === 'stopped') return clock.breachedAt ? 'breached' : 'met';
  if (clock.breachedAt || clock.elapsedMinutes >= clock.targetMinutes) return 'breached';
  if (clock.warnedAt || clock.targetMinutes - clock.elapsedMinutes <= clock.targetMinutes / 4) return 'warning';
  return 'ok';
}
