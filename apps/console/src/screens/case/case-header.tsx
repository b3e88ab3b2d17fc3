import type { SlaClockView, TicketDetailView } from '@d115/contracts';
import { useI18n } from '../../i18n/i18n';
import { slaLevel } from './sla';

function SlaBadge({ clock }: { clock?: SlaClockView }) {
  const { t, duration, dateTime } = useI18n();
  if (!clock) return <span className="sla sla-none">{t('case.slaNone')}</span>;
  const level = slaLevel(clock);
  const left = clock.targetMinutes - clock.elapsedMinutes;
  const text =
    level === 'met'
      ? t('case.slaMet')
      : level === 'breached'
        ? t('case.slaBreached', { duration: duration(-left) })
        : t('case.slaLeft', { duration: duration(left) });
  return (
    <span className={`sla sla-${level}`} data-testid="sla">
      {text}
      {clock.dueAt && level !== 'met' && <span className="muted"> ({t('case.slaDue', { time: dateTime(clock.dueAt) })})</span>}
    </span>
  );
}

/** Number, state, priority, queue, owner and the SLA countdown (service hours) with warning colours. */
export function CaseHeader({ ticket }: { ticket: TicketDetailView }) {
  const { t } = useI18n();
  const resolution = ticket.sla.find((clock) => clock.metric === 'resolution') ?? ticket.sla[0];
  return (
    <header className="case-header">
      <h1>
        {t('case.title', { number: ticket.number })}: {ticket.subject}
      </h1>
      <dl>
        <div>
          <dt>{t('cases.state')}</dt>
          <dd data-testid="case-state" className={`state state-${ticket.state}`}>
            {t(`state.${ticket.state}`)}
          </dd>
        </div>
        <div>
          <dt>{t('cases.priority')}</dt>
          <dd>{ticket.priority}</dd>
        </div>
        <div>
          <dt>{t('cases.queue')}</dt>
          <dd>{ticket.queue}</dd>
        </div>
        <div>
          <dt>{t('cases.owner')}</dt>
          <dd>{ticket.ownerAgentId ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('cases.channel')}</dt>
          <dd>{t(`channel.${ticket.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('case.citizen')}</dt>
          <dd>{ticket.citizen?.name ?? ticket.citizen?.email ?? t('case.anonymous')}</dd>
        </div>
        <div>
          <dt>{t('case.sla')}</dt>
          <dd>
            <SlaBadge clock={resolution} />
          </dd>
        </div>
      </dl>
    </header>
  );
}
