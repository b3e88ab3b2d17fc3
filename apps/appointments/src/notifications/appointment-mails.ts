import { NotificationRequestedEvent } from '@d115/contracts';
import { Appointment } from '../booking/domain/appointment';
import { addressLine, Office } from '../offices/office';
import { appointmentCalendar } from './appointment-calendar';
import { berlinLongDateTime } from './berlin-time';

export type MailKind = 'preconfirm' | 'confirmed' | 'rebooked' | 'cancelled';
type Mail = Omit<NotificationRequestedEvent, 'notificationId'>;

const SUBJECTS: Record<MailKind, string> = {
  preconfirm: 'Bitte bestätigen Sie Ihren Termin',
  confirmed: 'Terminbestätigung',
  rebooked: 'Ihr Termin wurde verlegt',
  cancelled: 'Ihr Termin wurde abgesagt',
};

function summaryOf(appointment: Appointment, office: Office): string {
  return `Termin ${office.name}: ${appointment.services.map((s) => (s.count > 1 ? `${s.count} × ${s.name}` : s.name)).join(', ')}`;
}

function calendarFile(appointment: Appointment, office: Office, method: 'REQUEST' | 'CANCEL', at: Date) {
  const text = appointmentCalendar(
    {
      processId: appointment.id,
      sequence: appointment.sequence,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      summary: summaryOf(appointment, office),
      description: `Vorgangsnummer: ${appointment.id}`,
      location: `${office.name}, ${addressLine(office.address)}`,
      ...(office.email ? { organizer: { name: office.name, email: office.email } } : {}),
      ...(appointment.citizenEmail
        ? { attendee: { email: appointment.citizenEmail, ...(appointment.citizenName ? { name: appointment.citizenName } : {}) } }
        : {}),
      stamp: at,
    },
    method,
  );
  return {
    filename: method === 'CANCEL' ? 'absage.ics' : 'termin.ics',
    contentType: `text/calendar; method=${method}; charset=utf-8`,
    contentBase64: Buffer.from(text, 'utf8').toString('base64'),
  };
}

/**
 * The mail to the citizen for a step of the booking, in German: a confirmation
 * link (preconfirm), or the appointment with its iCalendar file (REQUEST when
 * booked or moved, CANCEL when cancelled). Undefined without an email address.
 */
export function appointmentMail(
  kind: MailKind,
  appointment: Appointment,
  office: Office,
  at: Date,
  extra: { confirmLink?: string; cancelLink?: string; signature: string },
): Mail | undefined {
  if (!appointment.citizenEmail) return undefined;
  const when = berlinLongDateTime(appointment.startsAt);
  const where = `${office.name}, ${addressLine(office.address)}`;
  const what = appointment.services.map((s) => `- ${s.count > 1 ? `${s.count} × ` : ''}${s.name}`).join('\n');
  const greeting = appointment.citizenName ? `Guten Tag ${appointment.citizenName},` : 'Guten Tag,';
  const body: Record<MailKind, string> = {
    preconfirm: `bitte bestätigen Sie Ihren Termin am ${when} (${where}) über diesen Link:\n\n${extra.confirmLink}\n\nOhne Bestätigung verfällt die Reservierung.`,
    confirmed: `Ihr Termin ist gebucht:\n\n${when}\n${where}\n\n${what}\n\nDen Termin finden Sie auch im Anhang für Ihren Kalender.`,
    rebooked: `Ihr Termin wurde verlegt auf:\n\n${when}\n${where}\n\n${what}\n\nDer Anhang aktualisiert den Eintrag in Ihrem Kalender.`,
    cancelled: `Ihr Termin am ${when} (${where}) wurde abgesagt.`,
  };
  const cancel = extra.cancelLink ? `\n\nWenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte ab:\n\n${extra.cancelLink}` : '';
  const attachments = kind === 'preconfirm' ? [] : [calendarFile(appointment, office, kind === 'cancelled' ? 'CANCEL' : 'REQUEST', at)];
  return {
    to: [{ address: appointment.citizenEmail, ...(appointment.citizenName ? { name: appointment.citizenName } : {}) }],
    subject: SUBJECTS[kind],
    text: `${greeting}\n\n${body[kind]}${cancel}\n\nVorgangsnummer: ${appointment.id}\n\n${extra.signature}\n`,
    attachments,
    processId: appointment.id,
  };
}
