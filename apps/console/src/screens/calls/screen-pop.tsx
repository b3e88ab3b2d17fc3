import { useState } from 'react';
import { useLiveEvents } from '../../api/events';
import { href } from '../../app/router';
import { useI18n } from '../../i18n/i18n';

/** `call.screen-pop` as the gateway sends it: the answered call and the caller's open cases. */
export interface ScreenPopData {
  callId: string;
  queue?: string | null;
  callerWithheld: boolean;
  cases: { ticketId: string; number: string; subject: string; state: string; createdAt: string }[];
  casesUnavailable: boolean;
}

/** When the agent answers a call: who may be calling (their open cases) and the way to the wrap-up. */
export function ScreenPop() {
  const { t, dateTime } = useI18n();
  const [pop, setPop] = useState<ScreenPopData>();
  useLiveEvents(
    (type) => type === 'call.screen-pop',
    (event) => setPop(event.data as ScreenPopData),
  );
  if (!pop) return null;
  return (
    <section className="screen-pop" aria-labelledby="screen-pop-title" role="alert" data-testid="screen-pop">
      <h2 id="screen-pop-title">{t('call.answered')}</h2>
      {pop.callerWithheld && <p>{t('call.withheld')}</p>}
      {pop.casesUnavailable && <p>{t('call.casesUnavailable')}</p>}
      {!pop.callerWithheld && !pop.casesUnavailable && pop.cases.length === 0 && <p>{t('call.noCases')}</p>}
      {pop.cases.length > 0 && (
        <ul>
          {pop.cases.map((item) => (
            <li key={item.ticketId}>
              <a href={href({ screen: 'case', id: item.ticketId })}>
                {item.number}: {item.subject}
              </a>{' '}
              <span className="muted">{dateTime(item.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="buttons">
        <a className="button primary" href={href({ screen: 'call', id: pop.callId })} onClick={() => setPop(undefined)}>
          {t('call.wrapUp')}
        </a>
        <button type="button" onClick={() => setPop(undefined)}>
          {t('app.close')}
        </button>
      </p>
    </section>
  );
}
