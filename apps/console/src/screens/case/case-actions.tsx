import { useEffect, useState, type FormEvent } from 'react';
import type { TicketDetailView, TicketState } from '@d115/contracts';
import { INSERT_TEXT_EVENT, knowledge } from '../../api/knowledge';
import { TICKET_STATES } from '../../app/domain';
import { submitOnCtrlEnter, useShortcuts } from '../../app/shortcuts';
import { useI18n, type Translate } from '../../i18n/i18n';

type Tab = 'reply' | 'note' | 'state' | 'forward';

export interface CaseCommands {
  reply: (text: string, subject: string) => Promise<boolean>;
  note: (text: string) => Promise<boolean>;
  transition: (to: TicketState) => Promise<boolean>;
  forward: (authority: { name: string; email: string } | undefined, text: string) => Promise<boolean>;
}

function quoteOf(ticket: TicketDetailView, t: Translate, dateTime: (iso: string) => string): string {
  const last = [...ticket.articles].reverse().find((article) => article.kind === 'email_in');
  if (!last) return '';
  const quoted = last.text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `\n\n${t('case.quote', { date: dateTime(last.createdAt), author: last.from ?? last.author })}\n${quoted}`;
}

/** Reply by email, add a note, change state, forward; a form keeps its text until the command succeeded. */
export function CaseActions({ ticket, commands }: { ticket: TicketDetailView; commands: CaseCommands }) {
  const { t, dateTime } = useI18n();
  const [tab, setTab] = useState<Tab>('reply');
  const [replyText, setReplyText] = useState(() => quoteOf(ticket, t, dateTime));
  const [noteText, setNoteText] = useState('');
  const [state, setState] = useState<TicketState>(ticket.state);
  const [authority, setAuthority] = useState({ name: '', email: '' });
  const [suggested, setSuggested] = useState<string>();
  const [forwardText, setForwardText] = useState('');

  useShortcuts({ e: () => setTab('reply'), o: () => setTab('note') });
  useEffect(() => {
    const onInsert = (event: Event) => {
      setTab('reply');
      setReplyText((text) => `${(event as CustomEvent<string>).detail}\n${text}`);
    };
    window.addEventListener(INSERT_TEXT_EVENT, onInsert);
    return () => window.removeEventListener(INSERT_TEXT_EVENT, onInsert);
  }, []);
  useEffect(() => {
    if (!ticket.leikaKey) return;
    knowledge.service({ leikaKey: ticket.leikaKey }, ticket.ars).then(
      (reply) => {
        const unit = reply.responsible?.organisationUnit;
        if (!unit?.email) return;
        setSuggested(unit.name);
        setAuthority((current) => (current.email ? current : { name: unit.name, email: unit.email ?? '' }));
      },
      () => undefined,
    );
  }, [ticket.leikaKey, ticket.ars]);

  const tabs: { id: Tab; label: string }[] = [
    { id: 'reply', label: t('case.reply') },
    { id: 'note', label: t('case.note') },
    { id: 'state', label: t('case.changeState') },
    { id: 'forward', label: t('case.forward') },
  ];
  const submit = (run: () => Promise<boolean>, clear: () => void) => (event: FormEvent) => {
    event.preventDefault();
    void run().then((done) => done && clear());
  };

  return (
    <section aria-labelledby="actions-title" className="case-actions">
      <h2 id="actions-title">{t('case.actions')}</h2>
      <div role="tablist" aria-label={t('case.actions')}>
        {tabs.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`panel-${item.id}`}
            onClick={() => setTab(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'reply' && (
          <form
            onSubmit={submit(
              () => commands.reply(replyText, ticket.subject),
              () => setReplyText(''),
            )}
          >
            <label htmlFor="reply-text">{t('case.text')}</label>
            <textarea
              id="reply-text"
              rows={10}
              value={replyText}
              onChange={(event) => setReplyText(event.target.value)}
              onKeyDown={submitOnCtrlEnter}
              required
            />
            <button type="submit" className="primary">
              {t('case.send')}
            </button>
          </form>
        )}
        {tab === 'note' && (
          <form
            onSubmit={submit(
              () => commands.note(noteText),
              () => setNoteText(''),
            )}
          >
            <label htmlFor="note-text">{t('case.text')}</label>
            <textarea id="note-text" rows={6} value={noteText} onChange={(event) => setNoteText(event.target.value)} onKeyDown={submitOnCtrlEnter} required />
            <button type="submit" className="primary">
              {t('case.save')}
            </button>
          </form>
        )}
        {tab === 'state' && (
          <form
            onSubmit={submit(
              () => commands.transition(state),
              () => undefined,
            )}
          >
            <label htmlFor="new-state">{t('case.newState')}</label>
            <select id="new-state" value={state} onChange={(event) => setState(event.target.value as TicketState)}>
              {TICKET_STATES.map((value) => (
                <option key={value} value={value}>
                  {t(`state.${value}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="primary">
              {t('case.save')}
            </button>
          </form>
        )}
        {tab === 'forward' && (
          <form
            onSubmit={submit(
              () => commands.forward(authority.email ? authority : undefined, forwardText),
              () => setForwardText(''),
            )}
          >
            {suggested && <p className="muted">{t('case.suggested', { name: suggested })}</p>}
            <label htmlFor="authority-name">{t('case.authorityName')}</label>
            <input id="authority-name" value={authority.name} onChange={(event) => setAuthority({ ...authority, name: event.target.value })} />
            <label htmlFor="authority-email">{t('case.authorityEmail')}</label>
            <input id="authority-email" type="email" value={authority.email} onChange={(event) => setAuthority({ ...authority, email: event.target.value })} />
            <label htmlFor="forward-text">{t('case.text')}</label>
            <textarea id="forward-text" rows={5} value={forwardText} onChange={(event) => setForwardText(event.target.value)} onKeyDown={submitOnCtrlEnter} />
            <button type="submit" className="primary">
              {t('case.forward')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
