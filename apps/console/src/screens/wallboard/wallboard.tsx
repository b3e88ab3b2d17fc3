import type { ReactNode } from 'react';
import type { BacklogReply, OccupancyReply } from '@d115/contracts';
import { POLL, useLiveEvents } from '../../api/events';
import { figures, todayInBerlin } from '../../api/figures';
import { tickets } from '../../api/tickets';
import { OPEN_STATES } from '../../app/domain';
import { calls as telephony } from '../../api/calls';
import { useLoad, useNow } from '../../app/use-load';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { IntervalChart } from './interval-chart';

function Tile({
  label,
  value,
  tone,
  testId,
  small,
}: {
  label: MessageKey;
  value: ReactNode;
  tone?: 'ok' | 'warning' | 'breached';
  testId?: string;
  small?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className={`tile ${tone ? `tile-${tone}` : ''}`} data-testid={testId}>
      <div className="tile-label">{t(label)}</div>
      <div className={small ? 'tile-value tile-value-small' : 'tile-value'}>{value}</div>
    </div>
  );
}

/** Telephony's percentages (0–100, null without calls) as fractions. */
const fraction = (percent: number | null | undefined) => (percent === null || percent === undefined ? undefined : percent / 100);

/**
 * The supervisor wallboard: live tiles for the whole center and per queue, refreshed
 * whenever the gateway's event stream reports a call or case change (no reload).
 */
export function Wallboard() {
  const { t, number, time, duration } = useI18n();
  const now = useNow();
  const today = todayInBerlin();
  const total = useLoad(() => telephony.serviceLevel(today, 'total'), []);
  const intervals = useLoad(() => telephony.serviceLevel(today, 'interval'), []);
  const live = useLoad(() => telephony.live(), []);
  const backlog = useLoad(() => figures.backlog(), []);
  const occupancy = useLoad(() => figures.occupancy(), []);
  const sla = useLoad(() => figures.sla(today), []);
  const emails = useLoad(() => tickets.search({ channel: 'email', states: OPEN_STATES, limit: 1 }), []);
  useLiveEvents(
    (type) => /^(wallboard|case|reservation|sla|call)\./.test(type),
    (event) => {
      if (event.type === 'wallboard.figures') {
        // The gateway pushes backlog and occupancy as the tickets service answers them.
        const pushed = event.data as { backlog: BacklogReply; occupancy: OccupancyReply };
        backlog.replace(pushed.backlog);
        occupancy.replace(pushed.occupancy);
      }
      const all = event.type === POLL || event.type === 'wallboard.figures';
      // A call offered or answered changes the live tiles at once; an ended one the figures of the day.
      if (all || event.type.startsWith('call.')) live.reload();
      if (all || (event.type === 'call.changed' && (event.data as { state?: string }).state === 'ended')) {
        total.reload();
        intervals.reload();
      }
      if (all || /^(case|reservation)\./.test(event.type)) emails.reload();
      if (event.type !== 'wallboard.figures' && (all || /^(case|reservation|sla)\./.test(event.type))) {
        backlog.reload();
        occupancy.reload();
      }
      if (all || event.type.startsWith('sla.')) sla.reload();
    },
  );

  const warnings = backlog.data?.slaWarnings;
  const percent = (value: number | undefined) => (value === undefined ? t('wallboard.noData') : number(value, { style: 'percent', maximumFractionDigits: 0 }));
  const tone = (value: number | undefined, target: number) =>
    value === undefined ? undefined : value >= target ? 'ok' : value >= target - 0.1 ? 'warning' : 'breached';
  const todayCalls = total.data?.periods[0];
  const current = intervals.data?.periods.find((period) => Date.parse(period.start) <= now && now < Date.parse(period.end));
  const waiting = live.data?.calls.filter((call) => !call.answeredAt) ?? [];
  const longestWait = Math.max(0, ...waiting.map((call) => (call.offeredAt ? Math.round((now - Date.parse(call.offeredAt)) / 1000) : 0)));
  const waitingIn = (queue: string) => waiting.filter((call) => call.queue === queue).length;
  const presence = (occupancy.data?.agents ?? []).reduce<Record<string, number>>(
    (counts, agent) => ({ ...counts, [agent.presence]: (counts[agent.presence] ?? 0) + 1 }),
    {},
  );
  const breaches = sla.data?.metrics.reduce((sum, metric) => sum + metric.breached, 0);
  const fcr = fraction(todayCalls?.firstContactResolution);
  const noCalls = t('wallboard.noData');

  return (
    <main id="main" className="wallboard">
      <h1>
        {t('wallboard.title')} <span className="muted">{t('wallboard.updated', { time: time(new Date()) })}</span>
      </h1>
      <h2>{t('wallboard.center')}</h2>
      {(total.error || live.error) && <p className="muted">{t('wallboard.telephonyPending')}</p>}
      <div className="tiles">
        <Tile
          label="wallboard.serviceLevelToday"
          value={percent(fraction(todayCalls?.serviceLevel))}
          tone={tone(fraction(todayCalls?.serviceLevel), 0.75)}
          testId="service-level-today"
        />
        <Tile
          label="wallboard.serviceLevelInterval"
          value={percent(fraction(current?.serviceLevel))}
          tone={tone(fraction(current?.serviceLevel), 0.75)}
          testId="interval-service-level"
        />
        <Tile label="wallboard.fcr" value={percent(fcr)} tone={tone(fcr, 0.65)} />
        <Tile label="wallboard.callsWaiting" value={live.data ? waiting.length : noCalls} testId="calls-waiting" />
        <Tile label="wallboard.longestWait" value={live.data ? t('duration.seconds', { seconds: longestWait }) : noCalls} testId="longest-wait" />
        <Tile label="wallboard.abandoned" value={todayCalls?.abandoned ?? noCalls} testId="abandoned" />
        <Tile label="wallboard.emailBacklog" value={emails.data?.total ?? t('wallboard.noData')} testId="email-backlog" />
        <Tile
          label="wallboard.oldestCase"
          small
          value={
            backlog.data?.oldestWaiting
              ? `${backlog.data.oldestWaiting.number} · ${duration(backlog.data.oldestWaiting.waitingMinutes)}`
              : t('wallboard.noData')
          }
        />
        <Tile
          label="wallboard.slaWarnings"
          value={
            warnings === undefined
              ? t('wallboard.noData')
              : warnings.count > 0
                ? `${warnings.count} · ${warnings.cases
                    .slice(0, 3)
                    .map((c) => c.number)
                    .join(', ')}`
                : 0
          }
          small={Boolean(warnings?.count)}
          tone={warnings?.count ? 'warning' : undefined}
          testId="sla-warnings"
        />
        <Tile label="wallboard.slaBreaches" value={breaches ?? t('wallboard.noData')} tone={breaches ? 'breached' : undefined} testId="sla-breaches" />
        <Tile
          label="wallboard.agents"
          value={
            <ul className="presence-counts">
              {(['available', 'busy', 'away'] as const).map((state) => (
                <li key={state}>
                  {t(`presence.${state}`)}: {presence[state] ?? 0}
                </li>
              ))}
            </ul>
          }
        />
      </div>
      {intervals.data && <IntervalChart intervals={intervals.data.periods} dayStart={today.from} dayEnd={today.to} />}
      <h2>{t('queues.title')}</h2>
      <table className="queue-tiles">
        <thead>
          <tr>
            <th scope="col">{t('cases.queue')}</th>
            <th scope="col">{t('wallboard.emailBacklog')}</th>
            <th scope="col">{t('wallboard.oldestCase')}</th>
            <th scope="col">{t('wallboard.callsWaiting')}</th>
          </tr>
        </thead>
        <tbody>
          {(backlog.data?.waiting ?? []).map((row) => {
            return (
              <tr key={row.queue}>
                <th scope="row">{row.queue}</th>
                <td>{row.count}</td>
                <td>{`${row.oldest.number} · ${duration(row.oldest.waitingMinutes)}`}</td>
                <td>{live.data ? waitingIn(row.queue) : noCalls}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
