import ICAL from 'ical.js';
import { AppointmentSubjects, ReservationReply } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { AppointmentsKit, testOffice } from '../../apps/appointments/test/support/appointments-kit';
import { DemoGateway } from '../../apps/gateway/test/support/demo-gateway';
import { mailService } from '../../apps/mail/src/main';
import { SmtpSink } from '../../apps/mail/test/support/smtp-sink';

const ERIKA = 'erika.mustermann@example.org';
const CITIZEN_LIMIT = 30;

interface Page {
  status: number;
  headers: Headers;
  html: string;
}

/** The fields of the page's form that posts to `action`, as a browser would send them. */
function formOf(html: string, action: string): URLSearchParams {
  const form = new RegExp(`<form method="post" action="${action}">([\\s\\S]*?)</form>`).exec(html);
  if (!form) throw new Error(`no form posting to ${action} in:\n${html}`);
  const fields = new URLSearchParams();
  for (const input of form[1].matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) fields.set(input[1], input[2].replace(/&amp;/g, '&'));
  return fields;
}

function titleOf(html: string): string {
  return /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
}

/**
 * Gateway + appointments + mail: the confirmation link in the preconfirmation mail
 * leads to a page; looking at it confirms nothing; the page's POST confirms and the
 * confirmation with its calendar file arrives; unknown, wrong and lapsed links get one page.
 */
describe('citizen appointment pages: from the link in the mail to the confirmation', () => {
  let kit: AppointmentsKit;
  let sink: SmtpSink;
  let gateway: DemoGateway;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    kit = await AppointmentsKit.create(['appointments', 'mail']);
    gateway = await DemoGateway.start(kit.env, { RATE_LIMIT_STATUS_PER_IP: String(CITIZEN_LIMIT) });
    await kit.env.start(mailService, { SMTP_PORT: '0', SMTP_HOST: '127.0.0.1', SMTP_RELAY_URL: sink.url, MAIL_OUTBOUND_POLL_MS: '50' });
    await kit.start({ APPOINTMENTS_CONFIRM_URL: gateway.url('/termin/bestaetigen'), APPOINTMENTS_CANCEL_URL: gateway.url('/termin/absagen') });
    await kit.request(AppointmentSubjects.officeUpsert, testOffice());
  });
  afterAll(async () => {
    await kit.dispose();
    await sink.close();
    gateway.removeKey();
  });

  const get = async (url: string): Promise<Page> => {
    const response = await fetch(url, { redirect: 'manual' });
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  const post = async (path: string, form: URLSearchParams): Promise<Page> => {
    const response = await fetch(gateway.url(path), { method: 'POST', body: form, redirect: 'manual' });
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  const reserve = async (start: string, holdMinutes?: number): Promise<ReservationReply> => {
    const booking = await kit.request(AppointmentSubjects.reserve, {
      actor: 'agent-anna',
      officeId: 'buergeramt-test',
      services: [{ serviceId: 'personalausweis', count: 2 }],
      start,
      ...(holdMinutes ? { holdMinutes } : {}),
    });
    await kit.request(AppointmentSubjects.update, {
      actor: 'agent-anna',
      processId: booking.processId,
      authKey: booking.authKey,
      name: 'Erika Mustermann',
      email: ERIKA,
    });
    return booking;
  };
  const statusOf = async (processId: string) =>
    (await kit.rows<{ status: string }>(`SELECT status FROM appointments.appointment WHERE id = $1`, [processId]))[0].status;

  let booking: ReservationReply;
  let link: string;
  let cancelLink: string;

  it('mails a link that leads to a page with the office, the Berlin date and time, the services and a confirm button', async () => {
    booking = await reserve('2027-03-02T09:00:00.000Z');
    await kit.request(AppointmentSubjects.preconfirm, { actor: 'agent-anna', processId: booking.processId, authKey: booking.authKey });
    const mail = await waitFor(() => sink.to(ERIKA).find((m) => m.parsed.subject === 'Bitte bestätigen Sie Ihren Termin'), 'the preconfirmation mail');
    link = /(http:\/\/\S+\/termin\/bestaetigen\?\S+)/.exec(mail.parsed.text ?? '')?.[1] as string;
    expect(link).toContain(`processId=${booking.processId}`);

    const page = await get(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.html).toContain('<html lang="de">');
    expect(titleOf(page.html)).toBe('Bitte bestätigen Sie Ihren Termin');
    expect(page.html).toContain('Bürgeramt Test');
    expect(page.html).toContain('Neuer Markt 3');
    expect(page.html).toContain('18055 Rostock');
    expect(page.html).toContain('Dienstag, 2. März 2027');
    expect(page.html).toContain('10:00 bis 10:30 Uhr'); // two ID cards of 15 minutes each, 09:00Z = 10:00 CET
    expect(page.html).toContain('2 × Personalausweis beantragen');
    expect(page.html).toContain('<button type="submit">Termin verbindlich buchen</button>');
    expect(formOf(page.html, 'bestaetigen').get('authKey')).toBe(booking.authKey);
    // No script at all, no external asset: the policy allows only the page's own style sheet.
    expect(page.html).not.toMatch(/<script|src=|href=/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('confirms nothing on GET, however often the link is followed (mail scanners, prefetchers)', async () => {
    await get(link);
    await get(link);
    expect(await statusOf(booking.processId)).toBe('preconfirmed');
    expect(await kit.events(booking.processId)).not.toContain('appointment.confirmed');
    expect(sink.to(ERIKA).filter((m) => m.parsed.subject === 'Terminbestätigung')).toHaveLength(0);
  });

  it('confirms with the page’s POST, answers a result page, and the confirmation with the iCalendar file arrives', async () => {
    const form = formOf((await get(link)).html, 'bestaetigen');
    const result = await post('/termin/bestaetigen', form);
    expect(result.status).toBe(200);
    expect(titleOf(result.html)).toBe('Ihr Termin ist gebucht');
    expect(result.html).toContain('Dienstag, 2. März 2027');
    expect(await statusOf(booking.processId)).toBe('confirmed');

    const mail = await waitFor(() => sink.to(ERIKA).find((m) => m.parsed.subject === 'Terminbestätigung'), 'the confirmation mail');
    const file = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(file!.content.toString('utf8')));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.uid).toBe(`${booking.processId}@appointments.d115`);
    cancelLink = /(http:\/\/\S+\/termin\/absagen\?\S+)/.exec(mail.parsed.text ?? '')?.[1] as string;
    expect(cancelLink).toContain(`processId=${booking.processId}`);

    // The link again: the booking shows as booked, with the cancel button and no second confirmation.
    const again = await get(link);
    expect(titleOf(again.html)).toBe('Ihr Termin ist bereits gebucht');
    expect(again.html).not.toContain('Termin verbindlich buchen');
    expect(again.html).toContain('Termin absagen');
  });

  it('answers an unknown process id, a wrong key, a malformed link and a lapsed hold with the same page, and changes nothing', async () => {
    const lapsing = await reserve('2027-03-03T09:00:00.000Z', 5);
    const url = (processId: string, authKey: string) => gateway.url(`/termin/bestaetigen?processId=${processId}&authKey=${encodeURIComponent(authKey)}`);
    const live = await get(url(lapsing.processId, lapsing.authKey));
    expect(titleOf(live.html)).toBe('Bitte bestätigen Sie Ihren Termin');
    const wrongKey = await get(url(lapsing.processId, 'falscher-schluessel-123'));
    const unknown = await get(url('0190aaaa-0000-7000-8000-000000000000', lapsing.authKey));
    const malformed = await get(gateway.url('/termin/bestaetigen?processId=kaputt'));
    kit.advance(5 * 60_000);
    const lapsed = await get(url(lapsing.processId, lapsing.authKey));
    const lateConfirm = await post('/termin/bestaetigen', new URLSearchParams({ processId: lapsing.processId, authKey: lapsing.authKey }));
    for (const page of [wrongKey, unknown, malformed, lapsed, lateConfirm]) {
      expect({ status: page.status, html: page.html }).toEqual({ status: 404, html: wrongKey.html });
    }
    expect(titleOf(wrongKey.html)).toBe('Termin nicht gefunden');
    expect(await statusOf(lapsing.processId)).toBe('reserved'); // lapsed, not confirmed; the sweep marks it
  });

  it('answers a posted body that is not one of its forms (over 4 KB, too many fields) with the German not-found page and changes nothing', async () => {
    const booking = await reserve('2027-03-04T09:00:00.000Z');
    const oversized = await post(
      '/termin/bestaetigen',
      new URLSearchParams({ processId: booking.processId, authKey: booking.authKey, note: 'x'.repeat(8192) }),
    );
    const crowded = new URLSearchParams({ processId: booking.processId, authKey: booking.authKey });
    for (let i = 0; i < 20; i++) crowded.append(`f${i}`, 'x');
    const tooMany = await post('/termin/bestaetigen', crowded);
    for (const page of [oversized, tooMany]) {
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(titleOf(page.html)).toBe('Termin nicht gefunden');
    }
    expect(await statusOf(booking.processId)).toBe('reserved');
  });

  it('cancels from the link in the confirmation mail with a POST, once: the second time says so', async () => {
    const form = new URLSearchParams({ processId: booking.processId, authKey: booking.authKey });
    const look = await get(cancelLink);
    expect(titleOf(look.html)).toBe('Termin absagen?');
    expect(await statusOf(booking.processId)).toBe('confirmed');
    expect(titleOf((await get(gateway.url('/termin/absagen'))).html)).toBe('Termin absagen');

    const cancelled = await post('/termin/absagen', formOf(look.html, 'absagen'));
    expect({ status: cancelled.status, title: titleOf(cancelled.html) }).toEqual({ status: 200, title: 'Ihr Termin ist abgesagt' });
    expect(await statusOf(booking.processId)).toBe('cancelled');
    await waitFor(() => sink.to(ERIKA).find((m) => m.parsed.subject === 'Ihr Termin wurde abgesagt'), 'the cancellation mail');
    const after = await get(cancelLink);
    expect({ status: after.status, title: titleOf(after.html) }).toEqual({ status: 200, title: 'Dieser Termin wurde abgesagt' });
    expect(after.html).not.toContain('<form');
    const twice = await post('/termin/absagen', form);
    expect({ status: twice.status, title: titleOf(twice.html) }).toEqual({ status: 409, title: 'Dieser Termin wurde bereits abgesagt' });
    const facts = (await kit.events(booking.processId)).filter((subject) => subject.startsWith('appointment.'));
    expect(facts).toEqual(['appointment.reserved', 'appointment.confirmed', 'appointment.cancelled']);
  });

  it('limits the pages per address like the citizen status, with a German page and Retry-After', async () => {
    let limited: Page | undefined;
    for (let i = 0; i <= CITIZEN_LIMIT && !limited; i++) {
      const page = await get(gateway.url('/termin/bestaetigen?processId=kaputt'));
      if (page.status === 429) limited = page;
    }
    expect(limited).toBeDefined();
    expect(titleOf(limited!.html)).toBe('Zu viele Versuche');
    expect(limited!.html).toContain('<html lang="de">');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
