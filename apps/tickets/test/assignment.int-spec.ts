import { AgentPresence, TicketErrorCode, TicketEvents, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { TicketsKit } from './support/tickets-kit';

const ADMIN = 'system:admin';

/** Routing and assignment on one instance: rules, queues, skills, offers, timeouts, take next, escalation. */
describe('tickets: routing and assignment', () => {
  let kit: TicketsKit;

  beforeAll(async () => {
    kit = await TicketsKit.create();
    await kit.start({ TICKETS_SCHEDULER_TICK_MS: '50' });
    await kit.request(TicketSubjects.queueUpsert, { actor: ADMIN, queueId: 'kfz', name: 'Kfz', targetExpression: 'kfz >= 2', reservationTimeoutSeconds: 30 });
    await kit.request(TicketSubjects.queueUpsert, { actor: ADMIN, queueId: 'english', name: 'English', targetExpression: 'lang.en' });
    await kit.request(TicketSubjects.ruleUpsert, {
      actor: ADMIN,
      name: 'Kfz',
      position: 10,
      when: { keywords: ['kfz', 'zulassung'] },
      queue: 'kfz',
      priority: 2,
    });
    await kit.request(TicketSubjects.ruleUpsert, {
      actor: ADMIN,
      name: 'English speakers, Ukrainian if possible',
      position: 20,
      when: { languages: ['en', 'uk'] },
      queue: 'english',
      requiredSkills: { 'lang.uk': 1 },
      escalation: [
        { afterMinutes: 10, requiredSkills: {} },
        { afterMinutes: 20, queue: 'general', priority: 5 },
      ],
    });
  });

  afterAll(() => kit.dispose());

  const agent = (
    agentId: string,
    skills: Record<string, number>,
    queues: string[],
    capacity: Record<string, number> = { email: 2, phone: 1 },
    presence: AgentPresence = 'offline',
  ) => kit.request(TicketSubjects.agentUpsert, { actor: ADMIN, agentId, name: agentId, skills, capacity, queues, presence });
  const presence = (agentId: string, value: AgentPresence) => kit.request(TicketSubjects.agentPresence, { actor: ADMIN, agentId, presence: value });
  const create = (subject: string, extra: Record<string, unknown> = {}) =>
    kit.request(TicketSubjects.create, { actor: 'agent-intake', channel: 'email', subject, ...extra });
  const reservations = (agentId: string) => kit.request(TicketSubjects.reservationList, { actor: agentId, agentId });
  const ticket = (ticketId: string) => kit.request(TicketSubjects.get, { actor: ADMIN, ticketId });
  const offersFor = (agentId: string, count = 1) =>
    waitFor(async () => {
      const list = await reservations(agentId);
      return list.length >= count && list;
    }, `${count} offer(s) for ${agentId}`);

  it('routes by rule and queue expression, offers the case, and makes the accepting agent its owner', async () => {
    await agent('kfz-low', { kfz: 1 }, ['kfz', 'general'], { email: 2 }, 'available');
    await agent('kfz-high', { kfz: 3 }, ['kfz'], { email: 2 }, 'available');
    expect((await kit.request(TicketSubjects.agentGet, { actor: ADMIN, agentId: 'kfz-low' })).eligibleQueues).toEqual(['general']);

    const created = await create('Frage zur Kfz-Zulassung');
    expect(created).toMatchObject({ queue: 'kfz', priority: 2 });
    const [offer] = await offersFor('kfz-high');
    expect(offer.ticketId).toBe(created.id);
    expect(await reservations('kfz-low')).toEqual([]);
    const [reserved] = await kit.events(TicketEvents.reserved, `ticket/${created.id}`);
    expect(reserved.data).toMatchObject({ agentId: 'kfz-high', reservationId: offer.id, queue: 'kfz', channel: 'email' });

    const someoneElse = await kit.failure(TicketSubjects.reservationAccept, { actor: 'kfz-low', reservationId: offer.id });
    expect(someoneElse.code).toBe(TicketErrorCode.RESERVATION_CONFLICT);
    const accepted = await kit.request(TicketSubjects.reservationAccept, { actor: 'kfz-high', reservationId: offer.id });
    expect(accepted).toMatchObject({ ownerAgentId: 'kfz-high', routingStatus: 'assigned', state: 'new' });
    const again = await kit.failure(TicketSubjects.reservationAccept, { actor: 'kfz-high', reservationId: offer.id });
    expect(again.code).toBe(TicketErrorCode.RESERVATION_CONFLICT);
    const [assigned] = await kit.events(TicketEvents.assigned, `ticket/${created.id}`);
    expect(assigned.data).toMatchObject({ agentId: 'kfz-high', via: 'reservation' });
    expect((await kit.request(TicketSubjects.agentGet, { actor: ADMIN, agentId: 'kfz-high' })).load).toEqual({ email: 1 });

    // Answering frees the capacity again.
    await kit.request(TicketSubjects.reply, { actor: 'kfz-high', ticketId: created.id, channel: 'letter', text: 'Brief ist raus.' });
    expect((await kit.request(TicketSubjects.agentGet, { actor: ADMIN, agentId: 'kfz-high' })).load).toEqual({ email: 0 });
    await presence('kfz-high', 'offline');
    await presence('kfz-low', 'offline');
  });

  it('gives a rejected case to the next agent, back to a decliner only after the cool-down, and to anyone taking next', async () => {
    await agent('ger-1', {}, ['general'], { email: 1 });
    await agent('ger-2', {}, ['general'], { email: 1 });
    await presence('ger-1', 'available');
    const created = await create('Allgemeine Frage');
    const [offer] = await offersFor('ger-1');
    await presence('ger-2', 'available');

    await kit.request(TicketSubjects.reservationReject, { actor: 'ger-1', reservationId: offer.id, reason: 'kein Wissen' });
    const [next] = await offersFor('ger-2');
    expect(next.ticketId).toBe(created.id);
    await kit.request(TicketSubjects.reservationReject, { actor: 'ger-2', reservationId: next.id });
    await presence('ger-2', 'offline');
    // Both declined: the case waits; ger-1 has room but is not offered it again during the cool-down (300 s).
    await kit.runJob('dispatch');
    expect(await reservations('ger-1')).toEqual([]);
    expect((await ticket(created.id)).routingStatus).toBe('queued');
    kit.travelTo(new Date(Date.now() + 301_000));
    const [again] = await offersFor('ger-1');
    expect(again.ticketId).toBe(created.id);
    kit.travelTo(new Date());
    await kit.request(TicketSubjects.reservationReject, { actor: 'ger-1', reservationId: again.id });
    // Taking next is asking for it: declines do not count.
    await presence('ger-1', 'busy');
    const taken = await kit.request(TicketSubjects.takeNext, { actor: 'ger-1', agentId: 'ger-1' });
    expect(taken.ticket?.id).toBe(created.id);
    await presence('ger-1', 'offline');
  });

  it('expires an offer not accepted within the queue timeout and offers the case to the next agent', async () => {
    await agent('slow', { kfz: 2 }, ['kfz'], { email: 1 }, 'available');
    const created = await create('Kfz abmelden');
    const [offer] = await offersFor('slow');
    expect(Date.parse(offer.expiresAt) - Date.parse(offer.createdAt)).toBe(30_000);
    await agent('fast', { kfz: 2 }, ['kfz'], { email: 1 }, 'available');

    kit.travelTo(new Date(Date.parse(offer.expiresAt) + 1000));
    const [next] = await offersFor('fast');
    expect(next.ticketId).toBe(created.id);
    const expired = await kit.events(TicketEvents.reservationExpired, `ticket/${created.id}`);
    expect(expired.map((e) => e.data)).toEqual([{ reservationId: offer.id, ticketId: created.id, number: created.number, agentId: 'slow' }]);
    expect((await kit.request(TicketSubjects.agentGet, { actor: ADMIN, agentId: 'slow' })).load).toEqual({ email: 0 });
    kit.travelTo(new Date());
    await presence('slow', 'offline');
    await presence('fast', 'offline');
  });

  it('hands pending offers back when the agent goes away', async () => {
    await agent('leaving', {}, ['general'], { email: 3 }, 'available');
    await create('Frage A');
    const offers = await offersFor('leaving', 1);
    await presence('leaving', 'away');
    await waitFor(async () => (await reservations('leaving')).length === 0, 'offers released');
    const back = await ticket(offers[0].ticketId);
    expect(back.routingStatus).toBe('queued');
    expect((await kit.request(TicketSubjects.agentGet, { actor: ADMIN, agentId: 'leaving' })).load).toEqual({ email: 0 });
  });

  it('takes next: highest priority first, then the longest waiting, within skills and capacity', async () => {
    await kit.request(TicketSubjects.queueUpsert, { actor: ADMIN, queueId: 'back-office', name: 'Back office' });
    await agent('taker', {}, ['back-office'], { email: 2, phone: 0 }, 'busy');
    const old = await create('Antrag alt', { queue: 'back-office', priority: 2 });
    const urgent = await create('Antrag dringend', { queue: 'back-office', priority: 7 });
    const newer = await create('Antrag neu', { queue: 'back-office', priority: 2 });
    await create('Antrag am Telefon', { queue: 'back-office', channel: 'phone', priority: 9 });
    const takeNext = () => kit.request(TicketSubjects.takeNext, { actor: 'taker', agentId: 'taker' });

    const first = await takeNext();
    const second = await takeNext();
    const third = await takeNext();
    expect(first.ticket).toMatchObject({ id: urgent.id, ownerAgentId: 'taker', state: 'new', routingStatus: 'assigned' });
    expect(second.ticket?.id).toBe(old.id);
    expect(third.ticket).toBeNull(); // two emails at once, no phone
    const [assigned] = await kit.events(TicketEvents.assigned, `ticket/${urgent.id}`);
    expect(assigned.data).toMatchObject({ agentId: 'taker', via: 'take-next' });

    await kit.request(TicketSubjects.reply, { actor: 'taker', ticketId: urgent.id, channel: 'letter', text: 'Bitte Unterlagen schicken.', awaitCitizen: true });
    expect((await takeNext()).ticket?.id).toBe(newer.id);

    // The citizen answers while taker is full: the case goes back to the queue, not over capacity.
    const reopened = await kit.request(TicketSubjects.transition, { actor: 'system:mail', ticketId: urgent.id, to: 'open' });
    expect(reopened).toMatchObject({ routingStatus: 'queued', state: 'open' });
    expect(reopened.ownerAgentId).toBeUndefined();
    expect((await kit.request(TicketSubjects.agentGet, { actor: ADMIN, agentId: 'taker' })).load).toEqual({ email: 2 });

    // With room again, a reopened case returns to its owner.
    await kit.request(TicketSubjects.reply, { actor: 'taker', ticketId: old.id, channel: 'letter', text: 'Rückfrage', awaitCitizen: true });
    await kit.request(TicketSubjects.transition, { actor: 'taker', ticketId: newer.id, to: 'closed' });
    const back = await kit.request(TicketSubjects.transition, { actor: 'system:mail', ticketId: old.id, to: 'open' });
    expect(back).toMatchObject({ ownerAgentId: 'taker', routingStatus: 'assigned' });
    const via = (await kit.events<{ via: string }>(TicketEvents.assigned, `ticket/${old.id}`)).map((e) => e.data.via);
    expect(via).toEqual(['take-next', 'reopen']);
  });

  it('escalates a waiting case: first the skill requirement widens, then it moves to another queue', async () => {
    await agent('english-only', { 'lang.en': 3 }, ['english'], { email: 1 }, 'available');
    const created = await create('Question about residence permit', { language: 'en' });
    expect(created.queue).toBe('english');
    await kit.runJob('dispatch');
    expect(await reservations('english-only')).toEqual([]); // needs lang.uk

    kit.travelTo(new Date(Date.now() + 11 * 60_000));
    const [offer] = await offersFor('english-only');
    expect(offer.ticketId).toBe(created.id);
    await kit.request(TicketSubjects.reservationReject, { actor: 'english-only', reservationId: offer.id });
    await presence('english-only', 'offline'); // else offered again once the decline cool-down is over

    kit.travelTo(new Date(Date.now() + 32 * 60_000));
    await waitFor(async () => (await ticket(created.id)).queue === 'general', 'moved to general');
    const detail = await kit.request(TicketSubjects.get, { actor: ADMIN, ticketId: created.id });
    expect(detail.priority).toBe(5);
    expect(detail.history.filter((h) => h.action === 'escalated').map((h) => h.field)).toEqual(
      expect.arrayContaining(['requiredSkills', 'queueId', 'priority']),
    );
    kit.travelTo(new Date());
  });
});
