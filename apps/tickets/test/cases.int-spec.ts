import { ErrorCode, TicketErrorCode, TicketEvents, TicketState, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { AGENT, TicketsKit } from './support/tickets-kit';

/** Cases over request/reply: numbers, validation, the state machine, versions, timeline, history, audited reads. */
describe('tickets: cases', () => {
  let kit: TicketsKit;

  beforeAll(async () => {
    kit = await TicketsKit.create();
    await kit.start({ TICKETS_SCHEDULER_ENABLED: 'false' });
  });

  afterAll(() => kit.dispose());

  const create = (extra: Record<string, unknown> = {}) =>
    kit.request(TicketSubjects.create, {
      actor: AGENT,
      channel: 'phone',
      subject: 'Ummeldung nach Umzug',
      text: 'Bürgerin fragt, welche Unterlagen sie zur Ummeldung braucht.',
      citizen: { name: 'Erika Mustermann', phone: '+49 381 1234567', preferredChannel: 'callback' },
      leikaKey: '99115001000000',
      ars: '130030000000',
      ...extra,
    });

  it('creates a case with a unique number, in the default queue, and reports it through the outbox', async () => {
    const year = new Date().getFullYear();
    const [a, b] = await Promise.all([create(), create({ channel: 'letter' })]);

    expect(a.number).toMatch(new RegExp(`^115-${year}-\\d{6}$`));
    expect(b.number).not.toBe(a.number);
    expect(a).toMatchObject({ state: 'new', queue: 'general', priority: 0, routingStatus: 'queued', version: 1, channel: 'phone' });
    expect(a.citizen).toEqual({ name: 'Erika Mustermann', phone: '+49 381 1234567', preferredChannel: 'callback' });
    const [created] = await kit.events(TicketEvents.created, `ticket/${a.id}`);
    expect(created.data).toMatchObject({ ticketId: a.id, number: a.number, channel: 'phone', state: 'new', queue: 'general', leikaKey: '99115001000000' });
  });

  it('refuses malformed LeiKa and ARS keys with VALIDATION.FAILED naming the field', async () => {
    const failure = await kit.failure(TicketSubjects.create, { actor: AGENT, channel: 'phone', subject: 'x', leikaKey: '9911500', ars: '13003' });
    expect(failure.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect((failure.details as { path: string }[]).map((d) => d.path).sort()).toEqual(['ars', 'leikaKey']);
  });

  it('walks the state machine and refuses illegal transitions with a coded error', async () => {
    const ticket = await create();
    const move = (to: TicketState, expectedVersion?: number) =>
      kit.request(TicketSubjects.transition, { actor: AGENT, ticketId: ticket.id, to, expectedVersion });

    const illegal = await kit.failure(TicketSubjects.transition, { actor: AGENT, ticketId: ticket.id, to: 'answered' });
    expect(illegal.code).toBe(TicketErrorCode.ILLEGAL_TRANSITION);
    expect(illegal.details).toMatchObject({ from: 'new', to: 'answered', allowed: ['open', 'closed'] });

    expect((await move('open')).state).toBe('open');
    expect((await move('pending_citizen')).state).toBe('pending_citizen');
    expect((await move('open')).state).toBe('open');
    expect((await move('answered')).resolvedAt).toBeDefined();
    const closed = await move('closed');
    expect(closed).toMatchObject({ state: 'closed' });
    expect(closed.closedAt).toBeDefined();
    const reopened = await move('open');
    expect(reopened.closedAt).toBeUndefined();

    const changes = (await kit.events<{ from: string; to: string }>(TicketEvents.stateChanged, `ticket/${ticket.id}`)).map(
      (e) => `${e.data.from}>${e.data.to}`,
    );
    expect(changes).toEqual(['new>open', 'open>pending_citizen', 'pending_citizen>open', 'open>answered', 'answered>closed', 'closed>open']);
  });

  it('refuses a change against an old version with TICKET.VERSION_CONFLICT', async () => {
    const ticket = await create();
    const updated = await kit.request(TicketSubjects.update, { actor: AGENT, ticketId: ticket.id, expectedVersion: 1, priority: 5 });
    expect(updated.version).toBe(2);

    const stale = await kit.failure(TicketSubjects.update, { actor: AGENT, ticketId: ticket.id, expectedVersion: 1, priority: 7 });
    expect(stale.code).toBe(TicketErrorCode.VERSION_CONFLICT);
    expect(stale.details).toEqual({ expectedVersion: 1, actualVersion: 2 });
  });

  it('answers TICKET.NOT_FOUND for an unknown case', async () => {
    const failure = await kit.failure(TicketSubjects.get, { actor: AGENT, ticketId: '018f0000-0000-7000-8000-000000000000' });
    expect(failure.code).toBe(TicketErrorCode.NOT_FOUND);
  });

  it('keeps a timeline and a history of every change (who, when, old → new) and audits each read', async () => {
    const ticket = await create();
    await kit.request(TicketSubjects.update, {
      actor: 'agent-ben',
      ticketId: ticket.id,
      priority: 3,
      citizen: { name: 'Erika Mustermann', email: 'erika@example.org', preferredChannel: 'email' },
    });
    await kit.request(TicketSubjects.addNote, { actor: 'agent-ben', ticketId: ticket.id, text: 'Rückfrage beim Bürgeramt gestellt.' });
    await kit.request(TicketSubjects.get, { actor: 'supervisor-sam', ticketId: ticket.id });

    const detail = await kit.request(TicketSubjects.get, { actor: 'agent-ben', number: ticket.number });

    expect(detail.articles.map((a) => [a.kind, a.author])).toEqual([
      ['call_note', AGENT],
      ['internal_note', 'agent-ben'],
    ]);
    const history = detail.history.map((h) => [h.actor, h.action, h.field ?? '', h.from ?? '', h.to ?? '']);
    expect(history).toEqual(
      expect.arrayContaining([
        ['agent-ben', 'updated', 'priority', '0', '3'],
        ['agent-ben', 'updated', 'citizenEmail', '', 'erika@example.org'],
        ['agent-ben', 'updated', 'citizenPhone', '+49 381 1234567', ''],
        ['agent-ben', 'updated', 'citizenPreferredChannel', 'callback', 'email'],
      ]),
    );
    // who opened the case is not in the case's own view
    expect(detail.history.map((h) => h.action)).not.toContain('read');
    expect(detail.history[0]).toMatchObject({ actor: AGENT, action: 'created' });
    expect(detail.history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
    expect(detail.sla.map((c) => c.metric)).toEqual(['first_response', 'resolution']);
    const updated = await kit.events<{ fields: string[] }>(TicketEvents.updated, `ticket/${ticket.id}`);
    expect(updated.map((e) => e.data.fields)).toEqual([['citizenEmail', 'citizenPhone', 'citizenPreferredChannel', 'priority'], ['articles']]);

    // the audit history has every read, the look at the history itself included
    const audit = await kit.request(TicketSubjects.history, { actor: 'supervisor-sam', ticketId: ticket.id });
    expect(audit.filter((h) => h.action === 'read').map((h) => h.actor)).toEqual(['supervisor-sam', 'agent-ben', 'supervisor-sam']);
    expect(audit.map((h) => h.action)).toEqual(expect.arrayContaining(['created', 'updated']));
  });

  it('answers the audit history of a case outside the actor’s municipalities, or unknown, as not found', async () => {
    const ticket = await create();
    const outside = await kit.failure(TicketSubjects.history, { actor: 'supervisor-sam', ticketId: ticket.id, scope: ['14'] });
    const unknown = await kit.failure(TicketSubjects.history, { actor: 'supervisor-sam', number: '115-2026-999999' });
    expect([outside.code, unknown.code]).toEqual([TicketErrorCode.NOT_FOUND, TicketErrorCode.NOT_FOUND]);
  });

  it('answers a case by email: reply.requested for the mail service, first response, answered', async () => {
    const ticket = await create({ channel: 'email', citizen: { name: 'Max', email: 'max@example.org' } });
    const answered = await kit.request(TicketSubjects.reply, { actor: AGENT, ticketId: ticket.id, text: 'Sie benötigen Ihren Ausweis.' });

    expect(answered.state).toBe('answered');
    expect(answered.firstRespondedAt).toBeDefined();
    const [reply] = await kit.events(TicketEvents.replyRequested, `ticket/${ticket.id}`);
    expect(reply.data).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      kind: 'reply',
      to: [{ address: 'max@example.org', name: 'Max' }],
      subject: 'AW: Ummeldung nach Umzug',
      text: 'Sie benötigen Ihren Ausweis.',
    });
    const detail = await kit.request(TicketSubjects.get, { actor: AGENT, ticketId: ticket.id });
    expect(detail.sla.find((c) => c.metric === 'first_response')).toMatchObject({ status: 'stopped' });
  });

  it('records a callback reply as an article and refuses an email reply without an address', async () => {
    const ticket = await create();
    const failure = await kit.failure(TicketSubjects.reply, { actor: AGENT, ticketId: ticket.id, channel: 'email', text: 'Hallo' });
    expect(failure.code).toBe(TicketErrorCode.NO_RECIPIENT);

    const waiting = await kit.request(TicketSubjects.reply, {
      actor: AGENT,
      ticketId: ticket.id,
      text: 'Rückruf: Bitte Unterlagen nachreichen.',
      awaitCitizen: true,
    });
    expect(waiting.state).toBe('pending_citizen');
    const detail = await kit.request(TicketSubjects.get, { actor: AGENT, ticketId: ticket.id });
    expect(detail.articles.at(-1)).toMatchObject({ kind: 'reply', channel: 'callback' });
    expect(await kit.events(TicketEvents.replyRequested, `ticket/${ticket.id}`)).toEqual([]);
  });

  it('finds cases by state, queue and number without citizen data', async () => {
    const ticket = await create({ subject: 'Wohngeldantrag Frage' });
    const byText = await kit.request(TicketSubjects.search, { actor: AGENT, text: 'wohngeld' });
    expect(byText.items.map((t) => t.id)).toEqual([ticket.id]);
    const byNumber = await kit.request(TicketSubjects.search, { actor: AGENT, text: ticket.number });
    expect(byNumber.total).toBe(1);
    expect(byNumber.items[0]).not.toHaveProperty('citizen');
    const newOnes = await kit.request(TicketSubjects.search, { actor: AGENT, states: ['new'], queue: 'general', limit: 200 });
    expect(newOnes.items.every((t) => t.state === 'new' && t.queue === 'general')).toBe(true);
  });

  it('publishes the outbox to JetStream', async () => {
    await waitFor(async () => (await kit.count('SELECT count(*) FROM tickets.outbox WHERE published_at IS NULL')) === 0, 'outbox drained');
    const info = await (await kit.nc.jetstreamManager()).streams.info(kit.env.streamName('EVENTS'));
    expect(info.state.messages).toBe(await kit.count('SELECT count(*) FROM tickets.outbox'));
  });
});
