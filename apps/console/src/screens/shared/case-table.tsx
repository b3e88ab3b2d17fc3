import { useState } from 'react';
import type { TicketSummary } from '@d115/contracts';
import { href } from '../../app/router';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';

type Column = 'number' | 'subject' | 'state' | 'priority' | 'queue' | 'createdAt';
const COLUMNS: { key: Column; label: MessageKey }[] = [
  { key: 'number', label: 'cases.number' },
  { key: 'subject', label: 'cases.subject' },
  { key: 'state', label: 'cases.state' },
  { key: 'priority', label: 'cases.priority' },
  { key: 'queue', label: 'cases.queue' },
  { key: 'createdAt', label: 'cases.created' },
];

/** A sortable list of cases (click a column header; again to reverse), each row a link to the case. */
export function CaseTable({ cases, caption }: { cases: TicketSummary[]; caption: string }) {
  const { t, dateTime } = useI18n();
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'priority', descending: true });
  const sorted = [...cases].sort((a, b) => {
    const order = a[sort.column] < b[sort.column] ? -1 : a[sort.column] > b[sort.column] ? 1 : 0;
    return sort.descending ? -order : order;
  });
  return (
    <table className="cases">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {COLUMNS.map(({ key, label }) => (
            <th key={key} scope="col" aria-sort={sort.column === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
              <button type="button" onClick={() => setSort({ column: key, descending: sort.column === key ? !sort.descending : false })}>
                {t(label)}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((ticket) => (
          <tr key={ticket.id}>
            <td>
              <a href={href({ screen: 'case', id: ticket.id })}>{ticket.number}</a>
            </td>
            <td>{ticket.subject}</td>
            <td>
              <span className={`state state-${ticket.state}`}>{t(`state.${ticket.state}`)}</span>
            </td>
            <td>{ticket.priority}</td>
            <td>{ticket.queue}</td>
            <td>{dateTime(ticket.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
