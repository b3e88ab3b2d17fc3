import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  MailDeliveryFailedEvent,
  MailMessageReceivedEvent,
  MailMessageSentEvent,
  MailSubjects,
  ReplyRequestedEvent,
  TicketCreatedEvent,
  TicketEvents,
} from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { fixture, MailTestWorld } from './support/mail-test-world';
import { SmtpSink } from './support/smtp-sink';

const ERIKA = 'erika.mustermann@example.org';
const T1 = { ticketId: '0190c0de-0000-7000-8000-000000000123', ticketNumber: '115-2026-000123' };

/** Replies and forwards the tickets service asks for, through a real SMTP relay (the sink). */
describe('outbound mail', () => {
  let world: MailTestWorld;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    world = await MailTestWorld.create({ SMTP_RELAY_URL: sink.url, MAIL_OUTBOUND_BACKOFF_MS: '50', MAIL_OUTBOUND_MAX_ATTEMPTS: '3' });
  });

  afterAll(async () => {
    await world.dispose();
    await sink.close();
  });

  function request(overrides: Partial<ReplyRequestedEvent> = {}): ReplyRequestedEvent {
    return {
      requestId: uuidv7(),
      ...T1,
      kind: 'reply',
      to: [{ address: ERIKA, name: 'Erika Mustermann' }],
      subject: 'Re: Ummeldung nach Umzug',
      text: 'Guten Tag Frau Mustermann,\n\ndie Ummeldung ist online möglich.\n\nMit freundlichen Grüßen\nIhr Bürgerservice',
      inReplyTo: '<reply-refs-0001@mail.example.org>',
      references: ['<plain-0001@mail.example.org>', '<reply-refs-0001@mail.example.org>'],
      ...overrides,
    };
  }

  const sent = (requestId: string) =>
    world.waitForEvent<MailMessageSentEvent>(MailSubjects.messageSent, (e) => e.requestId === requestId, `message.sent ${requestId}`);
  const failed = (requestId: string) =>
    world.waitForEvent<MailDeliveryFailedEvent>(MailSubjects.deliveryFailed, (e) => e.requestId === requestId, `delivery.failed ${requestId}`);
  const bySubjectToken = (token: string) => sink.mails.filter((m) => m.parsed.text?.includes(token));

  let firstReply: { requestId: string; messageId: string };

  it('sends a reply with our Message-ID, In-Reply-To, References and the ticket number in the subject', async () => {
    const reply = request();
    await world.publish(TicketEvents.replyRequested, reply);
    const event = await sent(reply.requestId);
    const mail = sink.to(ERIKA)[0];
    expect(mail.parsed.subject).toBe('Re: Ummeldung nach Umzug [115#2026-000123]');
    expect(mail.parsed.from?.value).toEqual([{ name: 'Bürgerservice 115 – Hansestadt Rostock', address: '115@rostock.de' }]);
    expect(mail.header('message-id')).toBe(event.rfcMessageId);
    expect(event.rfcMessageId).toMatch(/^<[0-9a-f-]{36}\.d115@rostock\.de>$/);
    expect(mail.header('in-reply-to')).toBe('<reply-refs-0001@mail.example.org>');
    expect(mail.header('references')).toBe('<plain-0001@mail.example.org> <reply-refs-0001@mail.example.org>');
    expect(mail.header('auto-submitted')).toBeUndefined();
    expect(mail.parsed.text).toContain('die Ummeldung ist online möglich.');
    expect(event).toMatchObject({ ticketId: T1.ticketId, kind: 'reply', recipients: [ERIKA] });
    firstReply = { requestId: reply.requestId, messageId: event.rfcMessageId };
  });

  it('sends each request once, however often it is delivered', async () => {
    const again = request({ requestId: firstReply.requestId });
    await world.publish(TicketEvents.replyRequested, again);
    await world.publish(TicketEvents.replyRequested, again);
    const next = request({ text: 'Nachtrag: Termin nicht nötig.' });
    await world.publish(TicketEvents.replyRequested, next);
    await sent(next.requestId);
    // The consumer handles in order: the repeats were handled before the next request.
    expect(world.published<MailMessageSentEvent>(MailSubjects.messageSent).filter((e) => e.requestId === firstReply.requestId)).toHaveLength(1);
    expect(await world.rows(`SELECT 1 FROM mail.outbound_message WHERE request_id = $1`, [firstReply.requestId])).toHaveLength(1);
    expect(sink.to(ERIKA)).toHaveLength(2);
  });

  it('threads the citizen’s answer to our reply into the ticket', async () => {
    const raw = fixture('reply-references-only.eml', { ACK_ID: firstReply.messageId.slice(1, -1) })
      .toString()
      .replace('reply-refs-0001@', 'answer-0001@');
    const info = await world.deliver(raw, { from: ERIKA, to: '115@rostock.de' });
    const id = /queued as (\S+)/.exec(info.response)![1];
    const answer = await world.waitForEvent<MailMessageReceivedEvent>(MailSubjects.messageReceived, (e) => e.messageId === id, 'answer');
    expect(answer.threadHint).toEqual({ ticketId: T1.ticketId, ticketNumber: T1.ticketNumber, reason: 'references' });
  });

  it('forwards to an authority with attachments of a received mail, by reference', async () => {
    const info = await world.deliver(fixture('attachments.eml'), { from: ERIKA, to: '115@rostock.de' });
    const id = /queued as (\S+)/.exec(info.response)![1];
    const received = await world.waitForEvent<MailMessageReceivedEvent>(MailSubjects.messageReceived, (e) => e.messageId === id, 'attachments mail');
    const pdf = received.attachments.find((a) => a.contentType === 'application/pdf')!;
    const forward = request({
      kind: 'forward',
      to: [{ address: 'elterngeld@rostock.de', name: 'Elterngeldstelle' }],
      cc: [{ address: 'akte@rostock.de' }],
      subject: 'Weiterleitung: Antrag auf Elterngeld',
      text: 'Bitte übernehmen Sie den Vorgang FWD-TOKEN.',
      inReplyTo: undefined,
      references: undefined,
      attachmentIds: [pdf.id],
    });
    await world.publish(TicketEvents.replyRequested, forward);
    const event = await sent(forward.requestId);
    expect(event).toMatchObject({ kind: 'forward', recipients: ['elterngeld@rostock.de', 'akte@rostock.de'] });
    const [mail] = bySubjectToken('FWD-TOKEN');
    expect(mail.envelope.to).toEqual(['elterngeld@rostock.de', 'akte@rostock.de']);
    expect(mail.parsed.subject).toBe('Weiterleitung: Antrag auf Elterngeld [115#2026-000123]');
    expect(mail.parsed.attachments).toHaveLength(1);
    expect(mail.parsed.attachments[0]).toMatchObject({ filename: 'Antrag Elterngeld.pdf', contentType: 'application/pdf' });
    expect(createHash('sha256').update(mail.parsed.attachments[0].content).digest('hex')).toBe(pdf.sha256);
    // The authority may now answer without the ticket number.
    expect(await world.rows(`SELECT 1 FROM mail.ticket WHERE ticket_id = $1 AND 'elterngeld@rostock.de' = ANY(participants)`, [T1.ticketId])).toHaveLength(1);
  });

  it('retries a temporary refusal with backoff and then delivers', async () => {
    sink.refuseNext(2, 451, '4.3.0 Mailbox temporarily unavailable');
    const reply = request({ text: 'RETRY-TOKEN' });
    await world.publish(TicketEvents.replyRequested, reply);
    await sent(reply.requestId);
    expect(bySubjectToken('RETRY-TOKEN')).toHaveLength(1);
    const [row] = await world.rows(`SELECT status, attempts, last_error FROM mail.outbound_message WHERE request_id = $1`, [reply.requestId]);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: expect.stringContaining('451 4.3.0') });
  });

  it('reports a permanent refusal as delivery.failed', async () => {
    sink.refuseNext(1, 550, '5.1.1 Recipient address rejected: User unknown');
    const reply = request({ to: [{ address: 'gibt-es-nicht@example.org' }], text: 'PERM-TOKEN' });
    await world.publish(TicketEvents.replyRequested, reply);
    const event = await failed(reply.requestId);
    expect(event).toMatchObject({ ticketId: T1.ticketId, recipient: 'gibt-es-nicht@example.org', status: '5.1.1', detectedBy: 'relay' });
    expect(await world.rows(`SELECT status, attempts FROM mail.outbound_message WHERE request_id = $1`, [reply.requestId])).toEqual([
      { status: 'failed', attempts: 1 },
    ]);
  });

  it('gives up after MAIL_OUTBOUND_MAX_ATTEMPTS temporary failures and says so', async () => {
    sink.refuseNext(3, 421, '4.7.0 Try again later');
    const reply = request({ text: 'GIVEUP-TOKEN' });
    await world.publish(TicketEvents.replyRequested, reply);
    const event = await failed(reply.requestId);
    expect(event.reason).toMatch(/^gave up after 3 attempts/);
    expect(bySubjectToken('GIVEUP-TOKEN')).toHaveLength(0);
  });

  it('turns a bounce of our reply into delivery.failed for its request, and acknowledges that address no more', async () => {
    const dsn = fixture('postfix-bounce.eml', { ORIGINAL_ID: firstReply.messageId.slice(1, -1) });
    await world.deliver(dsn, { from: '', to: '115@rostock.de' });
    const event = await failed(firstReply.requestId);
    expect(event).toMatchObject({ ticketId: T1.ticketId, recipient: 'nobody@example.org', status: '5.1.1', detectedBy: 'bounce' });
    expect(await world.rows(`SELECT last_error FROM mail.outbound_message WHERE request_id = $1`, [firstReply.requestId])).toEqual([
      { last_error: 'bounced: nobody@example.org 5.1.1' },
    ]);

    const raw = fixture('plain.eml').toString().replace('plain-0001@', 'nobody-0001@').replaceAll(ERIKA, 'nobody@example.org');
    const info = await world.deliver(raw, { from: 'nobody@example.org', to: '115@rostock.de' });
    const id = /queued as (\S+)/.exec(info.response)![1];
    const created: TicketCreatedEvent = {
      ticketId: '0190c0de-0000-7000-8000-000000000777',
      number: '115-2026-000777',
      channel: 'email',
      state: 'new',
      subject: 'Ummeldung',
      mailMessageIds: ['<nobody-0001@mail.example.org>'],
    };
    await world.publish(TicketEvents.created, created);
    await waitFor(
      async () => (await world.rows<{ state: string }>(`SELECT state FROM mail.acknowledgment WHERE message_id = $1`, [id]))[0]?.state === 'undeliverable',
      'decision',
    );
    expect(sink.to('nobody@example.org')).toEqual([]);
  });
});
