import { useState } from 'react';
import type { TicketState } from '@d115/contracts';
import { useLiveEvents } from '../../api/events';
import { me } from '../../api/me';
import { tickets } from '../../api/tickets';
import { OPEN_STATES, TICKET_STATES } from '../../app/domain';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { CaseTable } from '../shared/case-table';
import { ErrorMessage } from '../shared/error-message';

/** The agent's queues with the count of open cases in each (one search per queue, a page of one). */
async function queueCounts(): Promise<{ queue: string; open: number }[]> {
  const { queues } = await me.profile();
  return Promise.all(queues.map(async (queue) => ({ queue, open: (await tickets.search({ queue, states: OPEN_STATES, limit: 1 })).total })));
}

/** Queue views: cases per queue with counts, filtered by queue and state, sortable. */
export function Queues() {
  const { t } = useI18n();
  const [queue, setQueue] = useState('');
  const [state, setState] = useState<TicketState | ''>('');
  const counts = useLoad(queueCounts, []);
  const cases = useLoad(() => tickets.search({ queue: queue || undefined, states: state ? [state] : OPEN_STATES, limit: 200 }), [queue, state]);
  useLiveEvents(
    (type) => type.startsWith('case.'),
    () => {
      counts.reload();
      cases.reload();
    },
  );

  return (
    <main id="main" className="queues">
      <h1>{t('queues.title')}</h1>
      {counts.error && <ErrorMessage error={counts.error} retry={counts.reload} />}
      <ul className="queue-counts">
        {(counts.data ?? []).map((item) => (
          <li key={item.queue}>
            <button
              type="button"
              aria-pressed={queue === item.queue}
              onClick={() => setQueue(queue === item.queue ? '' : item.queue)}
              data-testid="queue-count"
            >
              {item.queue} <span className="badge">{t('queues.open', { count: item.open })}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="filters">
        <label>
          {t('cases.queue')}
          <select value={queue} onChange={(event) => setQueue(event.target.value)}>
            <option value="">{t('queues.all')}</option>
            {(counts.data ?? []).map((item) => (
              <option key={item.queue} value={item.queue}>
                {item.queue}
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
