import { useState } from 'react';
import type { ReservationView } from '@d115/contracts';
import { me } from '../../api/me';
import { useLiveEvents } from '../../api/events';
import type { SignedInUser } from '../../api/session';
import { OPEN_STATES } from '../../app/domain';
import { navigate } from '../../app/router';
import { useShortcuts } from '../../app/shortcuts';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { CaseTable } from '../shared/case-table';
import { ErrorMessage } from '../shared/error-message';
import { Offers } from './offers';

/** "My work": offers arriving live, my open cases, take next. */
export function MyWork({ user }: { user: SignedInUser }) {
  const { t } = useI18n();
  const offers = useLoad(() => me.reservations(), [user.id]);
  const mine = useLoad(() => me.cases(OPEN_STATES), [user.id]);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  useLiveEvents(
    (type) => /^(reservation|case)\./.test(type),
    () => {
      offers.reload();
      mine.reload();
    },
  );

  const act = async (run: () => Promise<void>) => {
    setError(undefined);
    try {
      await run();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const accept = (offer: ReservationView) =>
    act(async () => {
      await me.accept(offer.id);
      navigate({ screen: 'case', id: offer.ticketId });
    });
  const reject = (offer: ReservationView) =>
    act(async () => {
      await me.reject(offer.id);
      offers.reload();
    });
  const takeNext = () =>
    act(async () => {
      const { ticket } = await me.takeNext();
      if (ticket) navigate({ screen: 'case', id: ticket.id });
      else setMessage(t('work.nothingWaiting'));
    });
  const first = offers.data?.find((offer) => offer.status === 'pending');
  useShortcuts({ n: () => void takeNext(), a: () => first && void accept(first), r: () => first && void reject(first) });

  return (
    <main id="main" className="work">
      <h1>{t('work.title')}</h1>
      {error && <ErrorMessage error={error} />}
      <Offers offers={offers.data ?? []} onAccept={(offer) => void accept(offer)} onReject={(offer) => void reject(offer)} />
      <p>
        <button type="button" className="primary" onClick={() => void takeNext()} aria-keyshortcuts="Alt+N">
          {t('work.takeNext')}
        </button>{' '}
        <span role="status">{message}</span>
      </p>
      <section aria-labelledby="my-cases">
        <h2 id="my-cases">{t('work.myCases')}</h2>
        {mine.error && <ErrorMessage error={mine.error} retry={mine.reload} />}
        {mine.data && mine.data.items.length === 0 && <p className="muted">{t('work.noCases')}</p>}
        {mine.data && mine.data.items.length > 0 && <CaseTable cases={mine.data.items} caption={t('cases.total', { count: mine.data.total })} />}
      </section>
    </main>
  );
}
