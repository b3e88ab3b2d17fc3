import {
  ReplyRequestedEvent,
  SlaBreachedEvent,
  SlaWarningEvent,
  TicketAssignedEvent,
  TicketCreatedEvent,
  TicketEvents,
  TicketForwardedEvent,
  TicketReservationExpiredEvent,
  TicketReservedEvent,
  TicketStateChangedEvent,
  TicketSubjects,
  TicketUpdatedEvent,
  validatePayload,
} from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { TicketsKit } from './support/tickets-kit';

const CONTRACTS: Record<string, new () => object> = {
  [TicketEvents.created]: TicketCreatedEvent,
  [TicketEvents.updated]: TicketUpdatedEvent,
  [TicketEvents.stateChanged]: TicketStateChangedEvent,
  [TicketEvents.reserved]: TicketReservedEvent,
  [TicketEvents.reservationExpired]: TicketReservationExpiredEvent,
  [TicketEvents.assigned]: TicketAssignedEvent,
  [TicketEvents.forwarded]: TicketForwardedEvent,
  [TicketEvents.replyRequested]: ReplyRequestedEvent,
  [TicketEvents.slaWarning]: SlaWarningEvent,
  [TicketEvents.slaBreached]: SlaBreachedEvent,
};

/** Every event the service raises matches its contract class, and reaches JetStream as a CloudEvent. */
describe('tickets: events', () => {
  let kit: TicketsKit;

  beforeAll(async () => {
    kit = await TicketsKit.create();
    await kit.start({ TICKETS_SCHEDULER_TICK_MS: '50' });
  });

  afterAll(() => kit.dispose());

  it('raises all ten kinds, each valid against its contract, and publishes them', async () => {
    kit.freezeAt(new Date('2027-03-04T10:00:00+01:00'));
    await kit.request(TicketSubjects.queueUpsert, { actor: 'system:admin', queueId: 'general', name: 'Allgemein', reservationTimeoutSeconds: 10 });
    await kit.request(TicketSubjects.agentUpsert, {
      actor: 'system:admin',
      agentId: 'a-1',
      name: 'A',
      skills: {},
      capacity: { email: 1 },
      queues: ['general'],
      presence: 'available',
    });
    const ticket = await kit.request(TicketSubjects.create, { actor: 'a-0', channel: 'email', subject: 'Frage', citizen: { email: 'c@example.org' } });
    const offers = (agentId: string) => kit.request(TicketSubjects.reservationList, { actor: agentId, agentId });
    await waitFor(async () => (await offers('a-1')).length === 1, 'offer to a-1');
    await kit.request(TicketSubjects.agentUpsert, {
      actor: 'system:admin',
      agentId: 'a-2',
      name: 'B',
      skills: {},
      capacity: { email: 1 },
      queues: ['general'],
      presence: 'available',
    });
    kit.freezeAt(new Date('2027-03-04T10:00:11+01:00')); // a-1 let it expire: a-2 is next
    const [offer] = await waitFor(async () => {
      const list = await offers('a-2');
      return list.length === 1 && list;
    }, 'offer to a-2');
    await kit.request(TicketSubjects.reservationAccept, { actor: 'a-2', reservationId: offer.id });
    await kit.request(TicketSubjects.update, { actor: 'a-2', ticketId: ticket.id, priority: 3 });
    kit.freezeAt(new Date('2027-03-09T14:30:00+01:00')); // 24 service hours later (Frauentag skipped)
    await waitFor(async () => (await kit.events(TicketEvents.slaBreached, `ticket/${ticket.id}`)).length === 2, 'breaches');
    await kit.request(TicketSubjects.forward, { actor: 'a-2', ticketId: ticket.id, authority: { name: 'Amt', email: 'amt@rostock.de' } });
    await kit.request(TicketSubjects.reply, { actor: 'a-2', ticketId: ticket.id, text: 'Antwort' });

    const events = await kit.events();
    expect(new Set(events.map((e) => e.subject))).toEqual(new Set(Object.keys(CONTRACTS)));
    for (const event of events) await expect(validatePayload(CONTRACTS[event.subject], event.data)).resolves.toBeDefined();

    // On the wire: every outbox row is a message in the EVENTS stream with the CloudEvents attributes.
    const js = kit.nc.jetstream();
    // An ordered consumer with one filter subject (NATS 2.9 takes no more).
    const consumer = await js.consumers.get(kit.env.streamName('EVENTS'), { filterSubjects: kit.env.namespace.subject('d115.events.tickets.>') });
    const seen: string[] = [];
    await waitFor(async () => {
      const batch = await consumer.fetch({ max_messages: 500, expires: 1000 });
      for await (const message of batch) {
        const envelope = message.json<{ specversion: string; type: string; source: string; subject: string }>();
        expect(envelope).toMatchObject({ specversion: '1.0', source: '/d115/tickets' });
        seen.push(envelope.type);
      }
      return seen.length >= events.length;
    }, 'all events on the stream');
    expect(seen.sort()).toEqual(events.map((e) => `de.d115.${e.subject.slice('d115.events.'.length)}`).sort());
  });
});
