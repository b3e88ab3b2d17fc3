import type { ServiceLevelFigures } from '../../api/calls';
import { useI18n } from '../../i18n/i18n';

/** Calls offered per 15-minute interval (bar height) and answered within 30 s (inner bar). */
export function IntervalChart({ intervals }: { intervals: ServiceLevelFigures[] }) {
  const { t, time } = useI18n();
  const max = Math.max(1, ...intervals.map((interval) => interval.offered));
  const width = 960;
  const height = 180;
  const bar = width / Math.max(1, intervals.length);
  return (
    <figure className="chart">
      <figcaption>{t('wallboard.chart')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('wallboard.chart')}>
        {intervals.map((interval, index) => {
          const offered = (interval.offered / max) * (height - 20);
          const within = (interval.answeredWithinThreshold / max) * (height - 20);
          return (
            <g key={interval.start}>
              <title>{`${time(interval.start)}: ${interval.answeredWithinThreshold}/${interval.offered}`}</title>
              <rect x={index * bar + 1} y={height - 20 - offered} width={bar - 2} height={offered} className="offered" />
              <rect x={index * bar + 1} y={height - 20 - within} width={bar - 2} height={within} className="within" />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
