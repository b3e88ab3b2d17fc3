import type { ReactNode } from 'react';
import { POLL, useLiveEvents } from '../../api/events';
import { figures, todayInBerlin } from '../../api/figures';
import { tickets } from '../../api/tickets';
import { OPEN_STATES } from '../../app/domain';
import type { CallFiguresRow } from '../../api/pending-paths';
import { useLoad } from '../../app/use-load';
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

const rate = (numerator: number, denominator: number) => (denominator === 0 ? undefined : numerator / denominator);

/**
 * The supervisor wallboard: live tiles for the whole center and per queue, refreshed
 * whenever the gateway's event stream reports a call or case change (no reload).
 */
export function Wallboard() {
  const { t, number, time, duration } = useI18n();
  const today = todayInBerlin();
  const calls = useLoad(() => figures.calls(today), []);
  const backlog = useLoad(() => figures.backlog(), []);
  const occupancy = useLoad(() => figures.occupancy(), []);
  const sla = useLoad(() => figures.sla(today), []);
  const emails = useLoad(() => tickets.search({ channel: 'email', states: OPEN_STATES, limit: 1 }), []);
  useLiveEvents(
    (type) => /^(wallboard|case|reservation|sla|call)\./.test(type),
    (event) => {
      const all = event.type === POLL || event.type === 'wallboard.figures';
      if (all || event.type.startsWith('call.')) calls.reload();
      if (all || /^(case|reservation)\./.test(event.type)) {
        backlog.reload();
        emails.reload();
        occupancy.reload();
      }
      if (all || event.type.startsWith('sla.')) sla.reload();
    },
  );

  const percent = (value: number | undefined) => (value === undefined ? t('wallboard.noData') : number(value, { style: 'percent', maximumFractionDigits: 0 }));
  const serviceLevel = (row?: CallFiguresRow) => (row ? rate(row.answeredWithin30s, row.answered + row.abandoned) : undefined);
  const tone = (value: number | undefined, target: number) =>
    value === undefined ? undefined : value >= target ? 'ok' : value >= target - 0.1 ? 'warning' : 'breached';
  const interval = calls.data?.intervals.at(-1);
  const presence = (occupancy.data?.agents ?? []).reduce<Record<string, number>>(
    (counts, agent) => ({ ...counts, [agent.presence]: (counts[agent.presence] ?? 0) + 1 }),
    {},
  );
  const breaches = sla.data?.metrics.reduce((sum, metric) => sum + metric.breached, 0);
  const fcr = calls.data ? rate(calls.data.today.resolvedAtFirstContact, calls.data.today.wrappedUp) : undefined;

  return (
    <main id="main" className="wallboard">
      <h1>
        {t('wallboard.title')} <span className="muted">{t('wallboard.updated', { time: time(new Date()) })}</span>
      </h1>
      <h2>{t('wallboard.center')}</h2>
      {calls.error && <p className="muted">{t('wallboard.telephonyPending')}</p>}
      <div className="tiles">
        <Tile label="wallboard.serviceLevelToday" value={percent(serviceLevel(calls.data?.today))} tone={tone(serviceLevel(calls.data?.today), 0.75)} />
        <Tile label="wallboard.serviceLevelInterval" value={percent(serviceLevel(interval))} tone={tone(serviceLevel(interval), 0.75)} />
        <Tile label="wallboard.fcr" value={percent(fcr)} tone={tone(fcr, 0.65)} />
        <Tile label="wallboard.callsWaiting" value={calls.data?.waiting ?? t('wallboard.noData')} testId="calls-waiting" />
        <Tile label="wallboard.longestWait" value={calls.data ? t('duration.seconds', { seconds: calls.data.longestWaitSeconds }) : t('wallboard.noData')} />
        <Tile label="wallboard.abandoned" value={calls.data?.today.abandoned ?? t('wallboard.noData')} />
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
        <Tile label="wallboard.slaBreaches" value={breaches ?? t('wallboard.noData')} tone={breaches ? 'breached' : undefined} />
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
      {calls.data && <IntervalChart intervals={calls.data.intervals} />}
      <h2>{t('queues.title')}</h2>
      <table className="queue-tiles">
        <thead>
          <tr>
            <th scope="col">{t('cases.queue')}</th>
            <th scope="col">{t('wallboard.emailBacklog')}</th>
            <th scope="col">{t('wallboard.oldestCase')}</th>
            <th scope="col">{t('wallboard.callsWaiting')}</th>
            <th scope="col">{t('wallboard.serviceLevelToday')}</th>
          </tr>
        </thead>
        <tbody>
          {(backlog.data?.waiting ?? []).map((row) => {
            const queueCalls = calls.data?.queues.find((item) => item.queue === row.queue);
            return (
              <tr key={row.queue}>
                <th scope="row">{row.queue}</th>
                <td>{row.count}</td>
                <td>{`${row.oldest.number} · ${duration(row.oldest.waitingMinutes)}`}</td>
                <td>{queueCalls?.waiting ?? t('wallboard.noData')}</td>
                <td>{percent(serviceLevel(queueCalls))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
