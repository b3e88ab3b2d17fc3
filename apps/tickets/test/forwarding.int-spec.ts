import { Subscription } from 'nats';
import { AuthorityView, KnowledgeSubjects, ReplyRequestedEvent, TicketErrorCode, TicketEvents, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { mail, MAIL_RECEIVED, publishEvent } from './support/events';
import { AGENT, TicketsKit } from './support/tickets-kit';

/** Forwarding to the responsible authority: agent's choice, knowledge service, rule fallback, the answer threading back. */
describe('tickets: forwarding', () => {
  let kit: TicketsKit;
  let ordnungsamt: AuthorityView;
  let knowledge: Subscription | undefined;

  beforeAll(async () => {
    kit = await TicketsKit.create();
    await kit.start({ TICKETS_SCHEDULER_ENABLED: 'false', TICKETS_KNOWLEDGE_TIMEOUT_MS: '300' });
    ordnungsamt = await kit.request(TicketSubjects.authorityUpsert, {
      actor: 'system:admin',
      name: 'Ordnungsamt Rostock',
      email: 'ordnungsamt@rostock.de',
      ars: '130030000000',
    });
    await kit.request(TicketSubjects.queueUpsert, { actor: 'system:admin', queueId: 'gewerbe', name: 'Gewerbe' });
    await kit.request(TicketSubjects.ruleUpsert, {
      actor: 'system:admin',
      name: 'Gewerbe in Rostock',
      position: 1,
      when: { leikaPrefixes: ['9905'] },
      queue: 'gewerbe',
      authorityId: ordnungsamt.id,
    });
  });

  afterEach(() => knowledge?.unsubscribe());
  afterAll(() => kit.dispose());

  /** A stand-in knowledge service speaking the request/reply wire format. */
  function answerKnowledge(reply: (leikaKey: string) => object | undefined): void {
    knowledge = kit.nc.subscribe(kit.env.namespace.subject(KnowledgeSubjects.findResponsibleAuthority), {
      queue: 'knowledge',
      callback: (_error, message) => {
        const packet = JSON.parse(message.string());
        const response = reply(packet.data.leikaKey);
        if (response) message.respond(JSON.stringify({ id: packet.id, response, isDisposed: true }));
      },
    });
  }

  const create = (leikaKey: string) =>
    kit.request(TicketSubjects.create, {
      actor: AGENT,
      channel: 'phone',
      subject: 'Gewerbe anmelden',
      text: 'Bürger möchte ein Gewerbe anmelden und fragt nach Gebühren.',
      leikaKey,
      ars: '130030000000',
    });

  const forwards = async (ticketId: string) => (await kit.events<ReplyRequestedEvent>(TicketEvents.replyRequested, `ticket/${ticketId}`)).map((e) => e.data);

  it("forwards to the agent's authority: pending_authority, ticket.forwarded and a mail for the mail service", async () => {
    const ticket = await create('99001001000000');
    const forwarded = await kit.request(TicketSubjects.forward, {
      actor: AGENT,
      ticketId: ticket.id,
      authority: { name: 'Bürgeramt Rostock', email: 'buergeramt@rostock.de' },
      text: 'Bitte beantworten Sie die Frage des Bürgers.',
    });

    expect(forwarded).toMatchObject({ state: 'pending_authority', forwardedTo: { name: 'Bürgeramt Rostock', email: 'buergeramt@rostock.de' } });
    const [event] = await kit.events(TicketEvents.forwarded, `ticket/${ticket.id}`);
    expect(event.data).toEqual({ ticketId: ticket.id, number: ticket.number, authorityName: 'Bürgeramt Rostock', authorityEmail: 'buergeramt@rostock.de' });
    const [request] = await forwards(ticket.id);
    expect(request).toMatchObject({ kind: 'forward', ticketNumber: ticket.number, to: [{ address: 'buergeramt@rostock.de', name: 'Bürgeramt Rostock' }] });
    expect(request.text).toContain('Bitte beantworten Sie die Frage des Bürgers.');
    expect(request.text).toContain('Bürger möchte ein Gewerbe anmelden');
    const states = (await kit.events<{ to: string }>(TicketEvents.stateChanged, `ticket/${ticket.id}`)).map((e) => e.data.to);
    expect(states).toEqual(['open', 'pending_authority']);
  });

  it('asks the knowledge service who is responsible when the agent names nobody', async () => {
    answerKnowledge((leikaKey) => ({ authorities: [{ id: 'x', name: `Amt für ${leikaKey}`, email: 'zustaendig@rostock.de', ars: '130030000000' }] }));
    const ticket = await create('99001001000000');
    const forwarded = await kit.request(TicketSubjects.forward, { actor: AGENT, ticketId: ticket.id });
    expect(forwarded.forwardedTo).toMatchObject({ name: 'Amt für 99001001000000', email: 'zustaendig@rostock.de' });
  });

  it("falls back to the routing rule's authority when the knowledge service is not there", async () => {
    const ticket = await create('99050012000000');
    const forwarded = await kit.request(TicketSubjects.forward, { actor: AGENT, ticketId: ticket.id });
    expect(forwarded.forwardedTo).toMatchObject({ email: 'ordnungsamt@rostock.de' });
    const detail = await kit.request(TicketSubjects.get, { actor: AGENT, ticketId: ticket.id });
    expect(detail.history.map((h) => h.action)).toContain('forwarded (rule)');
  });

  it('falls back when the knowledge service does not answer in time', async () => {
    answerKnowledge(() => undefined); // takes the request, never answers
    const ticket = await create('99050012000000');
    const started = Date.now();
    const forwarded = await kit.request(TicketSubjects.forward, { actor: AGENT, ticketId: ticket.id });
    expect(forwarded.forwardedTo).toMatchObject({ email: 'ordnungsamt@rostock.de' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses with TICKET.AUTHORITY_UNKNOWN when nobody names an authority', async () => {
    const ticket = await create('99001001000000');
    const failure = await kit.failure(TicketSubjects.forward, { actor: AGENT, ticketId: ticket.id });
    expect(failure.code).toBe(TicketErrorCode.AUTHORITY_UNKNOWN);
    expect((await kit.request(TicketSubjects.get, { actor: AGENT, ticketId: ticket.id })).state).toBe('new');
  });

  it("brings the authority's answer back into the case through threading", async () => {
    const ticket = await create('99050012000000');
    await kit.request(TicketSubjects.forward, { actor: AGENT, ticketId: ticket.id, authorityId: ordnungsamt.id });
    const answer = mail({
      from: { address: 'Ordnungsamt@rostock.de' },
      subject: `AW: [115#${ticket.number.slice(4)}] Gewerbe anmelden`,
      threadHint: { ticketId: ticket.id, reason: 'subject-and-references' },
    });
    await publishEvent(kit.nc.jetstream(), kit.env.namespace, MAIL_RECEIVED, answer, '/d115/mail');

    await waitFor(async () => (await kit.request(TicketSubjects.get, { actor: AGENT, ticketId: ticket.id })).state === 'open', 'case open again');
    const detail = await kit.request(TicketSubjects.get, { actor: AGENT, ticketId: ticket.id });
    expect(detail.articles.map((a) => a.kind)).toEqual(['call_note', 'forward', 'email_in']);
    expect(detail.history.map((h) => h.action)).toContain('authority-answered');
  });
});
