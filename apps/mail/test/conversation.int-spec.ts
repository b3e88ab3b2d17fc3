import { MailMessageReceivedEvent, MailMessageSentEvent, MailSubjects, TicketCreatedEvent, TicketEvents, TicketForwardedEvent } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { fixture, MailTestWorld } from './support/mail-test-world';
import { SmtpSink } from './support/smtp-sink';

const ERIKA = 'erika.mustermann@example.org';
const T1 = { ticketId: '0190c0de-0000-7000-8000-000000000123', number: '115-2026-000123' };

/**
 * A citizen's case as it unfolds by mail: the first mail, the ticket, the
 * acknowledgment, replies that must (and must not) join the case, and
 * automated mail that must never be answered.
 */
describe('a conversation by mail', () => {
  let world: MailTestWorld;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    world = await MailTestWorld.create({ SMTP_RELAY_URL: sink.url });
  });

  afterAll(async () => {
    await world.dispose();
    await sink.close();
  });

  async function receive(raw: Buffer | string, from = ERIKA): Promise<MailMessageReceivedEvent> {
    const info = await world.deliver(raw, { from, to: '115@rostock.de' });
    const id = /queued as (\S+)/.exec(info.response)![1];
    return world.waitForEvent<MailMessageReceivedEvent>(MailSubjects.messageReceived, (e) => e.messageId === id, 'message.received');
  }

  function ticketCreated(ticket: { ticketId: string; number: string }, email: string, mailMessageIds: string[]): Promise<string> {
    const event: TicketCreatedEvent = { ...ticket, channel: 'email', state: 'new', subject: 'Anliegen', citizen: { email }, mailMessageIds };
    return world.publish(TicketEvents.created, event);
  }

  const ackState = async (messageId: string) =>
    (await world.rows<{ state: string }>(`SELECT state FROM mail.acknowledgment WHERE message_id = $1`, [messageId]))[0]?.state;

  let ackMessageId: string;

  it('acknowledges a citizen’s new mail once the ticket exists, with the ticket number and without inviting auto-replies', async () => {
    const first = await receive(fixture('plain.eml'));
    expect(await ackState(first.messageId)).toBe('awaiting-ticket');

    await ticketCreated(T1, ERIKA, [first.rfcMessageId]);

    const ack = await waitFor(() => sink.to(ERIKA)[0], 'the acknowledgment at the relay');
    expect(ack.envelope.from).toBe('115@rostock.de');
    expect(ack.parsed.from?.value).toEqual([{ name: 'Bürgerservice 115 – Hansestadt Rostock', address: '115@rostock.de' }]);
    expect(ack.parsed.subject).toBe('Eingangsbestätigung: Ummeldung nach Umzug innerhalb Rostocks [115#2026-000123]');
    expect(ack.header('auto-submitted')).toBe('auto-replied');
    expect(ack.header('x-auto-response-suppress')).toBe('All');
    expect(ack.header('in-reply-to')).toBe('<plain-0001@mail.example.org>');
    expect(ack.header('references')).toBe('<plain-0001@mail.example.org>');
    expect(ack.header('message-id')).toMatch(/^<[0-9a-f-]{36}\.d115@rostock\.de>$/);
    expect(ack.parsed.text).toContain('unter der Vorgangsnummer 115-2026-000123 erfasst');
    expect(ack.parsed.text).toContain('innerhalb von 24 Stunden');
    // The access key comes from the tickets service in a reply; the ticket.created event never carries it.
    expect(ack.parsed.text).toContain(`Zugangsschlüssel ${world.issuedKeys.get(T1.ticketId)} abfragen`);
    ackMessageId = ack.header('message-id')!.slice(1, -1);

    const sent = await world.waitForEvent<MailMessageSentEvent>(MailSubjects.messageSent, (e) => e.kind === 'acknowledgment', 'message.sent');
    expect(sent).toMatchObject({ ticketId: T1.ticketId, rfcMessageId: `<${ackMessageId}>`, recipients: [ERIKA] });
    expect(await ackState(first.messageId)).toBe('queued');
  });

  it('attaches the citizen’s reply by References alone, and does not acknowledge it', async () => {
    const reply = await receive(fixture('reply-references-only.eml', { ACK_ID: ackMessageId }));
    expect(reply.threadHint).toEqual({ ticketId: T1.ticketId, ticketNumber: T1.number, reason: 'references' });
    expect(reply.text).toBe('Danke, ich komme am Freitag vorbei.');
    expect(await ackState(reply.messageId)).toBeUndefined();
  });

  it('attaches a reply by the ticket number in the subject', async () => {
    const reply = await receive(fixture('reply-with-ticket-number.eml'));
    expect(reply.threadHint).toEqual({ ticketId: T1.ticketId, ticketNumber: T1.number, reason: 'subject' });
  });

  it('opens a new case, referencing the old one, for a stranger who replies to the thread without the ticket number', async () => {
    const stranger = await receive(fixture('stranger-reply.eml'), 'fremd@example.com');
    expect(stranger.threadHint).toEqual({ ticketId: T1.ticketId, ticketNumber: T1.number, reason: 'stranger-reply', newCase: true });
    // A new case: it will be acknowledged like any first mail.
    expect(await ackState(stranger.messageId)).toBe('awaiting-ticket');
    const [row] = await world.rows(`SELECT ticket_id FROM mail.thread_message WHERE rfc_message_id = 'stranger-0001@example.com'`);
    expect(row.ticket_id).toBeNull();
  });

  it('attaches a mail from the authority the case was forwarded to, by References alone', async () => {
    const forwarded: TicketForwardedEvent = { ...T1, authorityName: 'Bauamt Rostock', authorityEmail: 'bauamt@rostock.de' };
    await world.publish(TicketEvents.forwarded, forwarded);
    await waitFor(async () => (await world.rows(`SELECT 1 FROM mail.ticket WHERE 'bauamt@rostock.de' = ANY(participants)`)).length === 1, 'authority known');
    const raw = fixture('stranger-reply.eml')
      .toString()
      .replace('Fremder Mensch <fremd@example.com>', 'Bauamt <bauamt@rostock.de>')
      .replace('stranger-0001@', 'bauamt-0001@');
    const answer = await receive(raw, 'bauamt@rostock.de');
    expect(answer.threadHint).toEqual({ ticketId: T1.ticketId, ticketNumber: T1.number, reason: 'references' });
  });

  it('attaches out-of-office replies to the case but never acknowledges them', async () => {
    const raw = fixture('webmailer-out-of-office.eml').toString().replace('ack-0001@rostock.de', ackMessageId).replace('[115#2026-000123]', '');
    const ooo = await receive(raw);
    expect(ooo).toMatchObject({ classification: 'auto-reply', threadHint: { ticketId: T1.ticketId, reason: 'references' } });
    expect(await ackState(ooo.messageId)).toBeUndefined();
    // Even a ticket naming it would not make us answer it.
    await ticketCreated({ ticketId: '0190c0de-0000-7000-8000-000000000999', number: '115-2026-000999' }, ERIKA, [ooo.rfcMessageId]);
    const list = await receive(fixture('mailing-list.eml'), 'newsletter@stadtwerke.example.de');
    expect(await ackState(list.messageId)).toBeUndefined();
    await waitFor(
      async () => (await world.rows(`SELECT 1 FROM mail.inbox WHERE consumer = 'mail-ticket-created-acknowledgment'`)).length === 2,
      'ticket.created handled',
    );
    expect(await world.rows(`SELECT 1 FROM mail.outbound_message WHERE ticket_id = '0190c0de-0000-7000-8000-000000000999'`)).toEqual([]);
  });

  it('acknowledges at most three mails per sender and hour', async () => {
    const sender = 'max@example.net';
    const tickets = [1, 2, 3, 4].map((n) => ({ ticketId: `0190c0de-0000-7000-8000-00000000100${n}`, number: `115-2026-00100${n}` }));
    for (const [n, ticket] of tickets.entries()) {
      const raw = fixture('plain.eml').toString().replace('plain-0001@mail.example.org', `max-${n}@example.net`).replaceAll(ERIKA, sender);
      const mail = await receive(raw, sender);
      await ticketCreated(ticket, sender, [mail.rfcMessageId]);
    }
    await waitFor(
      async () => (await world.rows(`SELECT 1 FROM mail.acknowledgment WHERE recipient = $1 AND state <> 'awaiting-ticket'`, [sender])).length === 4,
      'all decided',
    );
    const states = await world.rows<{ state: string }>(`SELECT state FROM mail.acknowledgment WHERE recipient = $1 ORDER BY created_at`, [sender]);
    expect(states.map((s) => s.state)).toEqual(['queued', 'queued', 'queued', 'rate-limited']);
    await waitFor(() => sink.to(sender).length === 3, 'three acknowledgments');
    expect(sink.to(sender).map((m) => m.parsed.subject)).toEqual(tickets.slice(0, 3).map((t) => expect.stringContaining(`[115#2026-${t.number.slice(9)}]`)));
  });
});
