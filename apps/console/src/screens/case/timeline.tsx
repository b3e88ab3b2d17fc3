import type { ArticleView, AuditEntryView } from '@d115/contracts';
import { useI18n } from '../../i18n/i18n';
import { Attachment } from './attachment';

/** The email thread, call notes, internal notes and forwards, oldest first. */
export function Timeline({ ticketId, articles }: { ticketId: string; articles: ArticleView[] }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="timeline-title" className="timeline">
      <h2 id="timeline-title">{t('case.timeline')}</h2>
      <ol>
        {articles.map((article) => (
          <li key={article.id} className={`article article-${article.kind}`} data-testid="article">
            <article aria-label={`${t(`case.kind.${article.kind}`)}, ${dateTime(article.createdAt)}`}>
              <header>
                <strong>{t(`case.kind.${article.kind}`)}</strong> · {article.from ?? article.author} ·{' '}
                <time dateTime={article.createdAt}>{dateTime(article.createdAt)}</time>
                {article.subject && <div className="subject">{article.subject}</div>}
              </header>
              <pre className="text">{article.text}</pre>
              {article.attachmentIds && article.attachmentIds.length > 0 && (
                <div className="attachments" aria-label={t('case.attachments')}>
                  {article.attachmentIds.map((id, i) => (
                    <Attachment key={id} ticketId={ticketId} id={id} position={i + 1} />
                  ))}
                </div>
              )}
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Who changed what and when (supervisors only). */
export function History({ entries }: { entries: AuditEntryView[] }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t('case.history')}</h2>
      <table>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={index}>
              <td>
                <time dateTime={entry.at}>{dateTime(entry.at)}</time>
              </td>
              <td>{entry.actor}</td>
              <td>{entry.action}</td>
              <td>{entry.field && `${entry.field}: ${entry.from ?? '–'} → ${entry.to ?? '–'}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
