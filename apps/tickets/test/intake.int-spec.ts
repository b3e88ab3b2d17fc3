import { JetStreamClient } from 'nats';
import { TicketCreatedEvent, TicketEvents, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { call, CALL_WRAPPED_UP, mail, MAIL_RECEIVED, publishEvent } from './support/events';
import { AGENT, TicketsKit } from './support/tickets-kit';

/** Cases from events: mails (new case, threading, auto-replies, bounces, strangers) and wrapped-up calls. */
describe('tickets: intake from events', () => {
  let kit: TicketsKit;
  let js: JetStreamClient;

  beforeAll(async () => {
    kit = await TicketsKit.create();
    await kit.start({ TICKETS_SCHEDULER_ENABLED: 'false' });
    js = kit.nc.jetstream();
  });

  afterAll(() => kit.dispose());

  const publishMail = (data: object) => publishEvent(js, kit.env.namespace, MAIL_RECEIVED, data, '/d115/mail');
  const caseOfMail = (messageId: string) =>
    waitFor(
      async () => (await kit.sql.query('SELECT ticket_id FROM tickets.article WHERE mail_message_id = $1', [messageId])).rows[0]?.ticket_id as string,
      `mail ${messageId} on a case`,
    );
  const detail = (ticketId: string) => kit.request(TicketSubjects.get, { actor: AGENT, ticketId });

  it('opens a case for a new mail and names the mail in ticket.created', async () => {
    const received = mail({ replyTo: [{ address: 'antwort@example.org', name: 'Berta B.' }] });
    await publishMail(received);
    const ticketId = await caseOfMail(received.messageId);

    const ticket = await detail(ticketId);
    expect(ticket).toMatchObject({ channel: 'email', state: 'new', mailbox: '115@rostock.de', ars: '130030000000', subject: received.subject });
    expect(ticket.citizen).toEqual({ email: 'antwort@example.org', name: 'Berta B.', preferredChannel: 'email' });
    expect(ticket.articles).toEqual([expect.objectContaining({ kind: 'email_in', from: 'buerger@example.org', rfcMessageId: received.rfcMessageId })]);
    const [created] = await kit.events<TicketCreatedEvent>(TicketEvents.created, `ticket/${ticketId}`);
    expect(created.data.mailMessageIds).toEqual([received.rfcMessageId]);
  });

  it('opens one case only when the same mail is reported twice', async () => {
    const received = mail();
    const eventIds = [await publishMail(received), await publishMail(received)];
    const ticketId = await caseOfMail(received.messageId);
    await waitFor(async () => (await kit.count('SELECT count(*) FROM tickets.inbox WHERE event_id = ANY($1)', [eventIds])) === 2, 'both deliveries handled');
    expect(await kit.count('SELECT count(*) FROM tickets.article WHERE mail_message_id = $1', [received.messageId])).toBe(1);
    expect(await kit.count('SELECT count(*) FROM tickets.ticket WHERE id = $1', [ticketId])).toBe(1);
  });

  it("attaches the citizen's answer to the case named by the thread hint and reopens it", async () => {
    const first = mail();
    await publishMail(first);
    const ticketId = await caseOfMail(first.messageId);
    await kit.request(TicketSubjects.reply, { actor: AGENT, ticketId, text: 'Bitte senden Sie uns Ihre Adresse.', awaitCitizen: true });

    const answer = mail({ subject: 'AW: Frage', text: 'Meine Adresse ist …', threadHint: { ticketId, reason: 'references' } });
    await publishMail(answer);
    expect(await caseOfMail(answer.messageId)).toBe(ticketId);
    await waitFor(async () => (await detail(ticketId)).state === 'open', 'case reopened');
  });

  it('finds the case by ticket number alone and reopens a closed case', async () => {
    const first = mail();
    await publishMail(first);
    const ticketId = await caseOfMail(first.messageId);
    const { number } = await detail(ticketId);
    await kit.request(TicketSubjects.transition, { actor: AGENT, ticketId, to: 'closed' });

    const again = mail({ threadHint: { ticketNumber: number.replace(/^115-/, ''), reason: 'subject' } });
    await publishMail(again);
    expect(await caseOfMail(again.messageId)).toBe(ticketId);
    await waitFor(async () => (await detail(ticketId)).state === 'open', 'closed case reopened');
  });

  it('attaches auto-replies and bounces without reopening and never opens a case for an unattachable one', async () => {
    const first = mail();
    await publishMail(first);
    const ticketId = await caseOfMail(first.messageId);
    await kit.request(TicketSubjects.reply, { actor: AGENT, ticketId, text: 'Ihre Frage ist beantwortet.' });

    const outOfOffice = mail({ classification: 'auto-reply', subject: 'Abwesenheitsnotiz', threadHint: { ticketId, reason: 'references' } });
    const bounce = mail({
      classification: 'bounce',
      from: { address: 'mailer-daemon@example.org' },
      bounce: { kind: 'permanent', recipient: 'buerger@example.org' },
      threadHint: { ticketId, reason: 'references' },
    });
    const stray = mail({ classification: 'auto-reply', subject: 'Out of office' });
    await publishMail(outOfOffice);
    await publishMail(bounce);
    await publishMail(stray);

    expect(await caseOfMail(outOfOffice.messageId)).toBe(ticketId);
    expect(await caseOfMail(bounce.messageId)).toBe(ticketId);
    await waitFor(
      async () => (await kit.count('SELECT count(*) FROM tickets.unattached_mail WHERE mail_message_id = $1', [stray.messageId])) === 1,
      'stray auto-reply kept',
    );
    const ticket = await detail(ticketId);
    expect(ticket.state).toBe('answered');
    expect(ticket.articles.map((a) => a.classification ?? a.kind)).toEqual(['normal', 'email_out', 'auto-reply', 'bounce']);
    expect(await kit.count("SELECT count(*) FROM tickets.ticket WHERE subject = 'Out of office'")).toBe(0);
  });

  it("opens a new case referencing the old one for a stranger's reply", async () => {
    const first = mail();
    await publishMail(first);
    const oldId = await caseOfMail(first.messageId);
    const stranger = mail({ from: { address: 'fremder@example.net' }, threadHint: { ticketId: oldId, reason: 'stranger-reply', newCase: true } });
    await publishMail(stranger);

    const newId = await caseOfMail(stranger.messageId);
    expect(newId).not.toBe(oldId);
    const ticket = await kit.request(TicketSubjects.get, { actor: AGENT, ticketId: newId });
    expect(ticket.relatedTicketId).toBe(oldId);
  });

  it('opens a case with the call note for a callback or forward, nothing for a resolved call, once per call', async () => {
    const callback = call();
    const resolved = call({ outcome: 'resolved' });
    const forwarded = call({ outcome: 'forwarded', callbackNumber: undefined, note: 'Gewerbeanmeldung, zuständig Ordnungsamt' });
    for (const event of [callback, callback, resolved, forwarded]) await publishEvent(js, kit.env.namespace, CALL_WRAPPED_UP, event, '/d115/telephony');

    await waitFor(async () => (await kit.count("SELECT count(*) FROM tickets.inbox WHERE consumer = 'tickets-call-wrapped-up'")) === 4, 'all calls handled');
    const { rows } = await kit.sql.query(
      "SELECT id, subject, citizen_phone, citizen_preferred_channel, leika_key, origin_ref FROM tickets.ticket WHERE channel = 'phone' ORDER BY created_at",
    );
    expect(rows.map((r) => r.origin_ref)).toEqual([`call:${callback.callId}`, `call:${forwarded.callId}`]);
    expect(rows[0]).toMatchObject({
      subject: 'Rückrufbitte: Bürger bittet um Rückruf wegen Wohngeld.',
      citizen_phone: '+49 381 7654321',
      citizen_preferred_channel: 'callback',
      leika_key: '99107004000000',
    });
    expect(rows[1].subject).toBe('Weiterleitung: Gewerbeanmeldung, zuständig Ordnungsamt');
    const ticket = await detail(rows[0].id);
    expect(ticket.articles).toEqual([expect.objectContaining({ kind: 'call_note', author: 'agent-phone-1', text: callback.note })]);
  });

  it('opens no case for an appointment handed off, and an email case for a callback by email', async () => {
    const appointment = call({ outcome: 'appointment', callbackNumber: undefined });
    const byMail = call({ callbackNumber: undefined, preferredChannel: 'email', callbackEmail: 'karl@example.org' });
    const eventIds: string[] = [];
    for (const event of [appointment, byMail]) eventIds.push(await publishEvent(js, kit.env.namespace, CALL_WRAPPED_UP, event, '/d115/telephony'));
    await waitFor(async () => (await kit.count('SELECT count(*) FROM tickets.inbox WHERE event_id = ANY($1)', [eventIds])) === 2, 'both calls handled');
    const { rows } = await kit.sql.query('SELECT origin_ref, citizen_email, citizen_preferred_channel FROM tickets.ticket WHERE origin_ref = ANY($1)', [
      [`call:${appointment.callId}`, `call:${byMail.callId}`],
    ]);
    expect(rows).toEqual([{ origin_ref: `call:${byMail.callId}`, citizen_email: 'karl@example.org', citizen_preferred_channel: 'email' }]);
  });
});
