import type { ServiceLevelFigures } from '../../api/calls';
import { useI18n } from '../../i18n/i18n';

const QUARTER_MS = 15 * 60 * 1000;
const WIDTH = 960;
const HEIGHT = 180;
const AXIS = 20;

/**
 * The day in 15-minute intervals from `dayStart` (each at its place, empty ones blank):
 * calls offered (bar height) and answered within 30 s (inner bar), hours marked below.
 */
export function IntervalChart({ intervals, dayStart, dayEnd }: { intervals: ServiceLevelFigures[]; dayStart: string; dayEnd: string }) {
  const { t, time } = useI18n();
  const start = Date.parse(dayStart);
  const slots = Math.max(1, Math.round((Date.parse(dayEnd) - start) / QUARTER_MS));
  const bar = WIDTH / slots;
  const max = Math.max(1, ...intervals.map((interval) => interval.offered));
  const scale = (count: number) => (count / max) * (HEIGHT - AXIS);
  const hours = Array.from({ length: Math.floor(slots / 8) + 1 }, (_, index) => index * 8).filter((slot) => slot < slots);
  return (
    <figure className="chart">
      <figcaption>{t('wallboard.chart')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('wallboard.chart')}>
        {intervals.map((interval) => {
          const x = Math.round((Date.parse(interval.start) - start) / QUARTER_MS) * bar;
          return (
            <g key={interval.start}>
              <title>{`${time(interval.start).slice(0, 5)}: ${interval.answeredWithinThreshold}/${interval.offered}`}</title>
              <rect x={x + 0.5} y={HEIGHT - AXIS - scale(interval.offered)} width={bar - 1} height={scale(interval.offered)} className="offered" />
              <rect
                x={x + 0.5}
                y={HEIGHT - AXIS - scale(interval.answeredWithinThreshold)}
                width={bar - 1}
                height={scale(interval.answeredWithinThreshold)}
                className="within"
              />
            </g>
          );
        })}
        <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="axis" />
        {hours.map((slot) => (
          <text key={slot} x={slot * bar + 2} y={HEIGHT - 5} className="axis-label">
            {time(new Date(start + slot * QUARTER_MS)).slice(0, 5)}
          </text>
        ))}
      </svg>
    </figure>
  );
}
