import { useEffect, useRef, useState } from 'react';
import { tickets } from '../../api/tickets';
import { navigate } from '../../app/router';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { CaseTable } from '../shared/case-table';
import { ErrorMessage } from '../shared/error-message';

/** Case search by number, subject words or citizen; the search text lives in the URL. */
export function Search({ text }: { text?: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(text ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const results = useLoad(() => (text ? tickets.search({ text, limit: 50 }) : Promise.resolve(undefined)), [text]);
  return (
    <main id="main" className="search">
      <h1>{t('search.title')}</h1>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          navigate({ screen: 'search', text: draft.trim() });
        }}
      >
        <label htmlFor="case-search">{t('search.label')}</label>
        <input id="case-search" ref={input} type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />
        <button type="submit">{t('search.submit')}</button>
      </form>
      {results.error && <ErrorMessage error={results.error} retry={results.reload} />}
      {results.data && results.data.items.length === 0 && <p role="status">{t('search.none')}</p>}
      {results.data && results.data.items.length > 0 && <CaseTable cases={results.data.items} caption={t('cases.total', { count: results.data.total })} />}
    </main>
  );
}
