import { useState } from 'react';
import type { TicketState } from '@d115/contracts';
import { OPEN_STATES, TICKET_STATES } from '../../app/domain';
import { useLiveEvents } from '../../api/events';
import { figures } from '../../api/figures';
import { tickets } from '../../api/tickets';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { CaseTable } from '../shared/case-table';
import { ErrorMessage } from '../shared/error-message';

/** Queue views: cases per queue with counts, filtered by queue and state, sortable. */
export function Queues() {
  const { t } = useI18n();
  const [queue, setQueue] = useState('');
  const [state, setState] = useState<TicketState | ''>('');
  const queues = useLoad(() => tickets.queues(), []);
  const backlog = useLoad(() => figures.backlog(), []);
  const cases = useLoad(() => tickets.search({ queue: queue || undefined, states: state ? [state] : OPEN_STATES, limit: 200 }), [queue, state]);
  useLiveEvents(
    (type) => type.includes('ticket'),
    () => {
      backlog.reload();
      cases.reload();
    },
  );
  const waiting = (id: string) => backlog.data?.waiting.find((row) => row.queue === id)?.count ?? 0;

  return (
    <main id="main" className="queues">
      <h1>{t('queues.title')}</h1>
      {queues.error && <ErrorMessage error={queues.error} retry={queues.reload} />}
      <ul className="queue-counts">
        {(queues.data ?? []).map((item) => (
          <li key={item.id}>
            <button type="button" aria-pressed={queue === item.id} onClick={() => setQueue(queue === item.id ? '' : item.id)}>
              {item.name} <span className="badge">{t('queues.waiting', { count: waiting(item.id) })}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="filters">
        <label>
          {t('cases.queue')}
          <select value={queue} onChange={(event) => setQueue(event.target.value)}>
            <option value="">{t('queues.all')}</option>
            {(queues.data ?? []).map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queues.filterState')}
          <select value={state} onChange={(event) => setState(event.target.value as TicketState | '')}>
            <option value="">{t('queues.allStates')}</option>
            {TICKET_STATES.map((value) => (
              <option key={value} value={value}>
                {t(`state.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {cases.error && <ErrorMessage error={cases.error} retry={cases.reload} />}
      {cases.data && <CaseTable cases={cases.data.items} caption={t('cases.total', { count: cases.data.total })} />}
    </main>
  );
}
