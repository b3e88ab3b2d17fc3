import ICAL from 'ical.js';
import { AppointmentSubjects, ReservationReply } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { AppointmentsKit, testOffice } from '../../apps/appointments/test/support/appointments-kit';
import { mailService } from '../../apps/mail/src/main';
import { SmtpSink, SunkMail } from '../../apps/mail/test/support/smtp-sink';

const ERIKA = 'erika.mustermann@example.org';

function calendarOf(mail: SunkMail) {
  const file = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!file) throw new Error(`no text/calendar attachment in "${mail.parsed.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(file.content.toString('utf8')));
  ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone') as ICAL.Component);
  const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(vevent), vevent };
}

/** Both running: a confirmed booking reaches the citizen's mailbox with an iCalendar invitation, a cancellation with its CANCEL. */
describe('appointments + mail: the confirmation reaches the citizen with a calendar file', () => {
  let kit: AppointmentsKit;
  let sink: SmtpSink;
  let booking: ReservationReply;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    kit = await AppointmentsKit.create(['appointments', 'mail']);
    await kit.env.start(mailService, { SMTP_PORT: '0', SMTP_HOST: '127.0.0.1', SMTP_RELAY_URL: sink.url, MAIL_OUTBOUND_POLL_MS: '50' });
    await kit.start();
    await kit.request(AppointmentSubjects.officeUpsert, testOffice());
  });
  afterAll(async () => {
    await kit.dispose();
    await sink.close();
  });

  const key = () => ({ actor: 'agent-anna', processId: booking.processId, authKey: booking.authKey });

  it('sends the preconfirmation link, then the confirmation with METHOD:REQUEST in Europe/Berlin at the office address', async () => {
    booking = await kit.request(AppointmentSubjects.reserve, {
      actor: 'agent-anna',
      officeId: 'buergeramt-test',
      services: [{ serviceId: 'personalausweis' }],
      start: '2027-03-02T09:00:00.000Z',
    });
    await kit.request(AppointmentSubjects.update, { ...key(), name: 'Erika Mustermann', email: ERIKA });
    await kit.request(AppointmentSubjects.preconfirm, key());
    const link = await waitFor(() => sink.to(ERIKA).find((m) => m.parsed.subject === 'Bitte bestätigen Sie Ihren Termin'), 'the preconfirmation mail');
    expect(link.parsed.text).toContain(`processId=${booking.processId}`);
    expect(link.parsed.text).toContain(`authKey=${encodeURIComponent(booking.authKey)}`);

    await kit.request(AppointmentSubjects.confirm, key());
    const mail = await waitFor(() => sink.to(ERIKA).find((m) => m.parsed.subject === 'Terminbestätigung'), 'the confirmation mail');
    expect(mail.parsed.text).toContain('Dienstag, 2. März 2027, 10:00 Uhr');
    const { method, event, vevent } = calendarOf(mail);
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe(`${booking.processId}@appointments.d115`);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(event.startDate.toString()).toBe('2027-03-02T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-02T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-02T09:15:00.000Z');
    expect(event.location).toBe('Bürgeramt Test, Neuer Markt 3, 18055 Rostock');
    expect(event.sequence).toBe(0);
  });

  it('sends METHOD:CANCEL with the same UID and a higher SEQUENCE when the citizen cancels', async () => {
    await kit.request(AppointmentSubjects.cancel, key());
    const mail = await waitFor(() => sink.to(ERIKA).find((m) => m.parsed.subject === 'Ihr Termin wurde abgesagt'), 'the cancellation mail');
    const { method, event } = calendarOf(mail);
    expect(method).toBe('CANCEL');
    expect(event.uid).toBe(`${booking.processId}@appointments.d115`);
    expect(event.sequence).toBe(1);
  });
});
