import { useEffect, useState } from 'react';
import type { TicketDetailView, TicketView } from '@d115/contracts';
import { ApiError } from '../../api/client';
import { useLiveEvents } from '../../api/events';
import { onOpenAppointment } from '../../api/knowledge';
import { session } from '../../api/session';
import { tickets } from '../../api/tickets';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { ErrorMessage } from '../shared/error-message';
import { AppointmentHandoff } from '../appointments/appointment-handoff';
import { setCaseRegion } from '../knowledge/chosen-service';
import { CaseActions, type CaseCommands } from './case-actions';
import { CaseHeader } from './case-header';
import { describeConflict, type Conflict } from './conflict';
import { History, Timeline } from './timeline';

function SupervisorHistory({ id, version }: { id: string; version: number }) {
  const history = useLoad(() => tickets.history(id), [id, version]);
  return history.data ? <History entries={history.data} /> : null;
}

const isConflict = (error: unknown) => error instanceof ApiError && (error.status === 412 || error.code === 'TICKET.VERSION_CONFLICT');

/**
 * One case. Every command carries the version the agent has on screen; when the case
 * changed meanwhile the gateway refuses it (412) and the screen shows what changed,
 * keeping the agent's text, until they take the new version. Live events about the
 * case only say that it changed; the screen never swaps the case under a half-typed edit.
 */
export function CaseView({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => tickets.get(id), [id]);
  const [conflict, setConflict] = useState<Conflict>();
  const [error, setError] = useState<Error>();
  const [status, setStatus] = useState<string>();
  const [stale, setStale] = useState(false);
  const [booking, setBooking] = useState(false);
  const [awaitingNote, setAwaitingNote] = useState(0);
  const ticket = loaded.data;
  useEffect(() => onOpenAppointment(() => setBooking(true)), []);
  // After a booking the appointments service notes the confirmation on the case by an event,
  // a moment later: the case is fetched again each second until a new entry is there (at most 20 s).
  const articleCount = ticket?.articles.length ?? 0;
  useEffect(() => {
    if (!awaitingNote) return;
    if (articleCount >= awaitingNote) return setAwaitingNote(0);
    const deadline = Date.now() + 20000;
    const timer = setInterval(() => (Date.now() < deadline ? loaded.reload() : setAwaitingNote(0)), 1000);
    return () => clearInterval(timer);
  }, [awaitingNote, articleCount]);
  useEffect(() => {
    setCaseRegion(ticket?.ars);
    return () => setCaseRegion(undefined);
  }, [ticket?.ars]);
  useLiveEvents(
    (type) => type === 'case.changed' || type === 'case.assigned',
    (event) => {
      const change = event.data as { ticketId?: string; version?: number } | undefined;
      // Our own command's echo carries the version we already show.
      if (change?.ticketId === id && !(change.version !== undefined && ticket && change.version <= ticket.version)) setStale(true);
    },
  );

  const run = async (command: (seen: TicketDetailView) => Promise<TicketView>): Promise<boolean> => {
    if (!ticket) return false;
    setError(undefined);
    setStatus(undefined);
    try {
      await command(ticket);
      setStatus(t('case.done'));
      setStale(false);
      loaded.reload();
      return true;
    } catch (failure) {
      if (isConflict(failure)) setConflict(describeConflict(ticket, await tickets.get(id)));
      else setError(failure as Error);
      return false;
    }
  };
  const commands: CaseCommands = {
    reply: (text, subject) => run((seen) => tickets.reply(id, seen.version, text, subject)),
    note: (text) => run((seen) => tickets.note(id, seen.version, text)),
    transition: (to) => run((seen) => tickets.transition(id, seen.version, to)),
    forward: (authority, text) => run((seen) => tickets.forward(id, seen.version, authority, text)),
  };

  if (loaded.error && !ticket) return <ErrorMessage error={loaded.error} retry={loaded.reload} />;
  if (!ticket) return <p role="status">{t('app.loading')}</p>;
  return (
    <main id="main" className="case">
      <CaseHeader ticket={ticket} />
      {conflict && (
        <div role="alert" className="conflict" data-testid="conflict">
          <p>{t('case.conflict')}</p>
          <ul>
            {conflict.changes.map((change) => (
              <li key={change.field}>{t('case.conflictChanged', change)}</li>
            ))}
            {conflict.newArticles > 0 && <li>{t('case.conflictArticles', { count: conflict.newArticles })}</li>}
          </ul>
          <button
            type="button"
            onClick={() => {
              setConflict(undefined);
              setStale(false);
              loaded.reload();
            }}
          >
            {t('case.conflictReload')}
          </button>
        </div>
      )}
      {stale && !conflict && (
        <p role="status" className="stale">
          {t('case.changedElsewhere')}{' '}
          <button
            type="button"
            onClick={() => {
              setStale(false);
              loaded.reload();
            }}
          >
            {t('case.conflictReload')}
          </button>
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <p role="status">{status}</p>
      <div className="case-columns">
        <Timeline ticketId={ticket.id} articles={ticket.articles} />
        <CaseActions key={ticket.id} ticket={ticket} commands={commands} />
      </div>
      {booking ? (
        <AppointmentHandoff origin={{ ticketId: ticket.id }} citizen={ticket.citizen} onBooked={() => setAwaitingNote(ticket.articles.length + 1)} />
      ) : (
        <button type="button" onClick={() => setBooking(true)}>
          {t('appointment.open')}
        </button>
      )}
      {session.isSupervisor() && <SupervisorHistory id={id} version={ticket.version} />}
    </main>
  );
}
