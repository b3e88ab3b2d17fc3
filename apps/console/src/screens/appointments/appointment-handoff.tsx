import { useState } from 'react';
import { appointments } from '../../api/appointments';
import type { Schema } from '../../api/schemas';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { useChosenService } from '../knowledge/chosen-service';
import { ErrorMessage } from '../shared/error-message';

interface Origin {
  ticketId?: string;
  callId?: string;
}

/**
 * An appointment for the citizen from a case or call: the service (from the knowledge
 * panel or typed), an office offering it, a free start; reserve, add the citizen's
 * contact, confirm. The appointments service notes the confirmation on the case.
 */
export function AppointmentHandoff({
  origin,
  citizen,
  onBooked,
}: {
  origin: Origin;
  citizen?: { name?: string; email?: string; phone?: string };
  /** Called once the appointment is confirmed (the case then waits for the appointments service's note). */
  onBooked?: () => void;
}) {
  const { t, dateTime, time } = useI18n();
  const chosen = useChosenService();
  const [serviceId, setServiceId] = useState(chosen?.sourceId ?? '');
  const [officeId, setOfficeId] = useState('');
  const [start, setStart] = useState('');
  const [contact, setContact] = useState({ name: citizen?.name ?? '', email: citizen?.email ?? '', phone: citizen?.phone ?? '' });
  const [booked, setBooked] = useState<Schema<'AppointmentView'>>();
  const [error, setError] = useState<Error>();
  const offices = useLoad(() => (serviceId ? appointments.offices(serviceId) : Promise.resolve([])), [serviceId]);
  const slots = useLoad(() => (officeId && serviceId ? appointments.availability(officeId, serviceId) : Promise.resolve(undefined)), [officeId, serviceId]);
  const days = slots.data?.offices.find((office) => office.officeId === officeId)?.days ?? [];

  const book = async () => {
    setError(undefined);
    try {
      const reserved = await appointments.reserve(officeId, serviceId, start, origin);
      const authKey = reserved.authKey ?? '';
      await appointments.setCitizen(reserved.processId, authKey, {
        name: contact.name || undefined,
        email: contact.email || undefined,
        phone: contact.phone || undefined,
      });
      setBooked(await appointments.confirm(reserved.processId, authKey));
      onBooked?.();
    } catch (failure) {
      setError(failure as Error);
    }
  };

  if (booked)
    return (
      <section className="appointment" aria-labelledby="appointment-title">
        <h2 id="appointment-title">{t('appointment.title')}</h2>
        <p role="status" data-testid="appointment-confirmed">
          {t('appointment.confirmed', { office: booked.officeName, time: dateTime(booked.startsAt) })}
        </p>
      </section>
    );
  return (
    <section className="appointment" aria-labelledby="appointment-title">
      <h2 id="appointment-title">{t('appointment.title')}</h2>
      {error && <ErrorMessage error={error} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void book();
        }}
      >
        <label htmlFor="appointment-service">{t('appointment.service')}</label>
        <input id="appointment-service" value={serviceId} onChange={(event) => setServiceId(event.target.value.trim())} required />
        {chosen && chosen.sourceId !== serviceId && (
          <button type="button" onClick={() => setServiceId(chosen.sourceId)}>
            {t('appointment.fromKnowledge', { name: chosen.name })}
          </button>
        )}
        {offices.error && <ErrorMessage error={offices.error} />}
        <label htmlFor="appointment-office">{t('appointment.office')}</label>
        <select id="appointment-office" value={officeId} onChange={(event) => setOfficeId(event.target.value)} required>
          <option value="">{t('appointment.chooseOffice')}</option>
          {(offices.data ?? []).map((office) => (
            <option key={office.officeId} value={office.officeId}>
              {office.name}
            </option>
          ))}
        </select>
        {officeId && (
          <fieldset className="slots">
            <legend>{t('appointment.slots')}</legend>
            {slots.data && days.length === 0 && <p>{t('appointment.noSlots')}</p>}
            {days.slice(0, 5).map((day) => (
              <div key={day.date} className="slot-day">
                <strong>{dateTime(`${day.date}T12:00:00Z`).split(',')[0]}</strong>
                {day.starts.slice(0, 12).map((value) => (
                  <label key={value} className="choice">
                    <input type="radio" name="slot" value={value} checked={start === value} onChange={() => setStart(value)} required />
                    {time(value).slice(0, 5)}
                  </label>
                ))}
              </div>
            ))}
          </fieldset>
        )}
        <label htmlFor="appointment-name">{t('appointment.name')}</label>
        <input id="appointment-name" value={contact.name} onChange={(event) => setContact({ ...contact, name: event.target.value })} />
        <label htmlFor="appointment-email">{t('appointment.email')}</label>
        <input id="appointment-email" type="email" value={contact.email} onChange={(event) => setContact({ ...contact, email: event.target.value })} />
        <label htmlFor="appointment-phone">{t('appointment.phone')}</label>
        <input id="appointment-phone" type="tel" value={contact.phone} onChange={(event) => setContact({ ...contact, phone: event.target.value })} />
        <p>
          <button type="submit" className="primary" disabled={!start || !(contact.email || contact.phone)}>
            {t('appointment.book')}
          </button>
        </p>
      </form>
    </section>
  );
}
