import { useEffect, useRef, useState } from 'react';
import { insertIntoReply, knowledge, openAppointment, type SearchReply, type ServiceReply } from '../../api/knowledge';
import { useI18n } from '../../i18n/i18n';
import { ErrorMessage } from '../shared/error-message';
import { chooseService, useCaseRegion } from './chosen-service';

/** HTML of the catalogue's text modules (sanitised by the knowledge service) as plain text for a reply. */
const plain = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';

/** The search's snippet: its text, with the `<mark>`ed words marked; nothing else of it becomes markup. */
function Snippet({ html }: { html: string }) {
  const nodes = Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  return <p className="snippet">{nodes.map((node, index) => (node.nodeName === 'MARK' ? <mark key={index}>{node.textContent}</mark> : node.textContent))}</p>;
}

/** A service description; `searchId` is the search it was found by (none when opened by LeiKa key). */
function Description({ reply, searchId }: { reply: ServiceReply; searchId?: string }) {
  const { t } = useI18n();
  const [thanked, setThanked] = useState(false);
  const { service, responsible } = reply;
  useEffect(() => chooseService({ name: service.name, leikaKey: service.leikaKey, sourceId: service.sourceId }), [service]);
  const unit = responsible?.organisationUnit;
  return (
    <article className="service" aria-labelledby="service-name">
      <h3 id="service-name">{service.name}</h3>
      {service.modules.shortText && <p>{plain(service.modules.shortText)}</p>}
      {service.modules.fees && (
        <>
          <h4>{t('knowledge.fees')}</h4>
          <p>{plain(service.modules.fees)}</p>
        </>
      )}
      {service.modules.requiredDocuments && (
        <>
          <h4>{t('knowledge.documents')}</h4>
          <p>{plain(service.modules.requiredDocuments)}</p>
        </>
      )}
      {unit && (
        <>
          <h4>{t('knowledge.office')}</h4>
          <p>
            {unit.name}
            {unit.address && <br />}
            {unit.address}
          </p>
          {unit.openingHours.length > 0 && (
            <>
              <h4>{t('knowledge.hours')}</h4>
              <ul>
                {unit.openingHours.map((entry, index) => (
                  <li key={index}>
                    {entry.day} {entry.opens}–{entry.closes}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {responsible?.appointmentBookable && responsible.appointmentUrl && (
        <p>
          <a href={responsible.appointmentUrl} target="_blank" rel="noreferrer">
            {t('knowledge.book')}
          </a>
        </p>
      )}
      <p className="buttons">
        <button type="button" onClick={() => insertIntoReply(plain(service.modules.shortText ?? service.modules.fullText ?? service.name))}>
          {t('knowledge.copy')}
        </button>
        {(service.appointmentBookable || responsible?.appointmentBookable) && (
          <button type="button" onClick={openAppointment}>
            {t('knowledge.bookForCaller')}
          </button>
        )}
        {searchId && (
          <button type="button" disabled={thanked} onClick={() => void knowledge.helpful(searchId, service.id).then(() => setThanked(true))}>
            {t('knowledge.helpful')}
          </button>
        )}
      </p>
      {thanked && <p role="status">{t('knowledge.thanks')}</p>}
    </article>
  );
}

/** The caller's words → ranked services with snippets → the description for the caller's municipality. */
export function KnowledgePanel({ focusSignal }: { focusSignal: number }) {
  const { t } = useI18n();
  const ars = useCaseRegion();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchReply>();
  const [open, setOpen] = useState<ServiceReply>();
  const [error, setError] = useState<Error>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusSignal > 0) input.current?.focus();
  }, [focusSignal]);

  const search = async () => {
    setError(undefined);
    setOpen(undefined);
    setResults(undefined);
    try {
      // A LeiKa key (14 digits) opens its description at once.
      if (/^\d{14}$/.test(query.trim())) return setOpen(await knowledge.service({ leikaKey: query.trim() }, ars));
      setResults(await knowledge.search(query, ars));
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <aside className="knowledge" aria-labelledby="knowledge-title">
      <h2 id="knowledge-title">{t('knowledge.title')}</h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <label htmlFor="knowledge-query">{t('knowledge.search')}</label>
        <input id="knowledge-query" ref={input} type="search" value={query} onChange={(event) => setQuery(event.target.value)} aria-keyshortcuts="Alt+K" />
        <button type="submit">{t('knowledge.submit')}</button>
      </form>
      {error && <ErrorMessage error={error} />}
      {results && results.hits.length === 0 && <p role="status">{t('knowledge.none')}</p>}
      {results?.didYouMean && <p className="muted">{t('knowledge.didYouMean', { query: results.didYouMean })}</p>}
      {results && results.hits.length > 0 && (
        <ol className="hits">
          {results.hits.map((hit) => (
            <li key={hit.serviceId}>
              <button
                type="button"
                className="link"
                onClick={() => void knowledge.service(hit.leika ? { leikaKey: hit.leika } : { serviceId: hit.serviceId }, ars).then(setOpen, setError)}
              >
                {hit.name}
              </button>
              <Snippet html={hit.snippet} />
            </li>
          ))}
        </ol>
      )}
      {open && <Description reply={open} searchId={results?.searchId} />}
    </aside>
  );
}
