import { useEffect, useState, type FormEvent } from 'react';
import { calls, type CallOutcome } from '../../api/calls';
import { onOpenAppointment } from '../../api/knowledge';
import { submitOnCtrlEnter } from '../../app/shortcuts';
import type { MessageKey } from '../../i18n/de';
import { useI18n } from '../../i18n/i18n';
import { ErrorMessage } from '../shared/error-message';
import { AppointmentHandoff } from '../appointments/appointment-handoff';
import { useChosenService } from '../knowledge/chosen-service';

const OUTCOMES: { value: CallOutcome; label: MessageKey }[] = [
  { value: 'resolved', label: 'call.outcome.resolved' },
  { value: 'callback', label: 'call.outcome.callback' },
  { value: 'forwarded', label: 'call.outcome.forwarded' },
  { value: 'appointment', label: 'call.outcome.appointment' },
];

/** After the call: how it ended for the citizen (first-contact answer, callback, forward, appointment) and the LeiKa key. */
export function WrapUp({ callId }: { callId: string }) {
  const { t, dateTime } = useI18n();
  const chosen = useChosenService();
  const [outcome, setOutcome] = useState<CallOutcome>('resolved');
  const [note, setNote] = useState('');
  const [channel, setChannel] = useState<'phone' | 'email'>('phone');
  const [useCallerNumber, setUseCallerNumber] = useState(true);
  const [number, setNumber] = useState('');
  const [email, setEmail] = useState('');
  const [leikaKey, setLeikaKey] = useState('');
  const [citizenName, setCitizenName] = useState('');
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<Error>();
  useEffect(() => onOpenAppointment(() => setOutcome('appointment')), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const callback =
      outcome !== 'callback'
        ? undefined
        : channel === 'email'
          ? { preferredChannel: channel, email }
          : { preferredChannel: channel, ...(useCallerNumber ? { useCallerNumber: true } : { number }) };
    try {
      const reply = await calls.wrapUp(callId, { outcome, note, callback, leikaKey: leikaKey || undefined, citizenName: citizenName || undefined });
      setDone(t('call.done', { time: dateTime(reply.wrappedUpAt) }));
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <main id="main" className="wrap-up">
      <h1>{t('call.wrapUpTitle')}</h1>
      {error && <ErrorMessage error={error} />}
      <p role="status">{done}</p>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('call.outcome')}</legend>
          {OUTCOMES.map((item) => (
            <label key={item.value} className="choice">
              <input type="radio" name="outcome" value={item.value} checked={outcome === item.value} onChange={() => setOutcome(item.value)} />
              {t(item.label)}
            </label>
          ))}
        </fieldset>
        {outcome === 'callback' && (
          <fieldset>
            <legend>{t('call.callback')}</legend>
            <label className="choice">
              <input type="radio" name="channel" checked={channel === 'phone'} onChange={() => setChannel('phone')} />
              {t('channel.phone')}
            </label>
            <label className="choice">
              <input type="radio" name="channel" checked={channel === 'email'} onChange={() => setChannel('email')} />
              {t('channel.email')}
            </label>
            {channel === 'phone' && (
              <>
                <label className="choice">
                  <input type="checkbox" checked={useCallerNumber} onChange={(event) => setUseCallerNumber(event.target.checked)} />
                  {t('call.useCallerNumber')}
                </label>
                {!useCallerNumber && (
                  <label>
                    {t('call.number')}
                    <input type="tel" value={number} onChange={(event) => setNumber(event.target.value)} required />
                  </label>
                )}
              </>
            )}
            {channel === 'email' && (
              <label>
                {t('call.email')}
                <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} required />
              </label>
            )}
          </fieldset>
        )}
        <label htmlFor="wrap-up-note">{t('call.note')}</label>
        <textarea id="wrap-up-note" rows={5} value={note} onChange={(event) => setNote(event.target.value)} onKeyDown={submitOnCtrlEnter} required />
        <label htmlFor="wrap-up-leika">{t('call.leika')}</label>
        <input id="wrap-up-leika" value={leikaKey} onChange={(event) => setLeikaKey(event.target.value)} pattern="\d{14}" inputMode="numeric" />
        {chosen?.leikaKey && (
          <button type="button" onClick={() => setLeikaKey(chosen.leikaKey ?? '')}>
            {t('call.leikaFromKnowledge', { name: chosen.name })}
          </button>
        )}
        <label htmlFor="wrap-up-name">{t('call.citizenName')}</label>
        <input id="wrap-up-name" value={citizenName} onChange={(event) => setCitizenName(event.target.value)} autoComplete="off" />
        <p>
          <button type="submit" className="primary" disabled={Boolean(done)}>
            {t('call.save')}
          </button>
        </p>
      </form>
      {outcome === 'appointment' && <AppointmentHandoff origin={{ callId }} citizen={{ name: citizenName }} />}
    </main>
  );
}
