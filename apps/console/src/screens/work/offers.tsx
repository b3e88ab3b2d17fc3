import type { ReservationView } from '@d115/contracts';
import { useNow } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';

/** Offered reservations with the seconds left; announced to screen readers as they arrive. */
export function Offers({
  offers,
  onAccept,
  onReject,
}: {
  offers: ReservationView[];
  onAccept: (r: ReservationView) => void;
  onReject: (r: ReservationView) => void;
}) {
  const { t } = useI18n();
  const now = useNow();
  const pending = offers.filter((offer) => offer.status === 'pending' && Date.parse(offer.expiresAt) > now);
  return (
    <section aria-labelledby="offers-title" className="offers">
      <h2 id="offers-title">{t('work.offers')}</h2>
      <div aria-live="polite">
        {pending.length === 0 && <p className="muted">{t('work.noOffers')}</p>}
        <ul>
          {pending.map((offer) => (
            <li key={offer.id} className="offer" data-testid="offer">
              <strong>{offer.number}</strong> <span>{t(`channel.${offer.channel}`)}</span>{' '}
              <span className="countdown">{t('work.expiresIn', { seconds: Math.max(0, Math.ceil((Date.parse(offer.expiresAt) - now) / 1000)) })}</span>
              <button type="button" className="primary" onClick={() => onAccept(offer)}>
                {t('work.accept')}
              </button>
              <button type="button" onClick={() => onReject(offer)}>
                {t('work.reject')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
