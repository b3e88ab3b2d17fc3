import { SlaEvent, TicketEvents, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { TicketsKit } from './support/tickets-kit';

const ADMIN = 'system:admin';

/**
 * The SLA clock in the running service: raised on time by the scheduled check
 * alone, exactly once each, with three instances checking; paused and resumed
 * by the case's state. The service's clock is moved (business time on the real
 * MV calendar), never slept on.
 */
describe('tickets: SLA clock', () => {
  let kit: TicketsKit;

  beforeAll(async () => {
    kit = await TicketsKit.create();
    for (let i = 0; i < 3; i++) await kit.start({ TICKETS_SCHEDULER_TICK_MS: '50', TICKETS_SLA_STATE: 'MV' });
    await kit.request(TicketSubjects.queueUpsert, { actor: ADMIN, queueId: 'fast', name: 'Schnell' });
    await kit.request(TicketSubjects.slaPolicyUpsert, {
      actor: ADMIN,
      name: 'Schnelle Antwort per Mail',
      queue: 'fast',
      channel: 'email',
      firstResponseMinutes: 60,
      resolutionMinutes: 120,
      warningShare: 0.5,
      pauseInPendingAuthority: true,
    });
  });

  afterAll(() => kit.dispose());

  const create = (extra: Record<string, unknown> = {}) =>
    kit.request(TicketSubjects.create, { actor: 'agent-a', channel: 'email', subject: 'Frage', citizen: { email: 'b@example.org' }, ...extra });
  const slaEvents = async (ticketId: string) =>
    (await kit.events<SlaEvent>(undefined, `ticket/${ticketId}`))
      .filter((e) => e.subject === TicketEvents.slaWarning || e.subject === TicketEvents.slaBreached)
      .map((e) => `${e.subject.split('.').pop()}:${e.data.metric}`);
  const clocks = async (ticketId: string) => (await kit.request(TicketSubjects.get, { actor: ADMIN, ticketId })).sla;

  it('raises warning and breach on time, once each, with nothing else happening (24 service hours, Frauentag)', async () => {
    kit.freezeAt(new Date('2027-03-04T10:00:00+01:00')); // Thursday
    const ticket = await create({ channel: 'phone' });
    const [resolution] = (await clocks(ticket.id)).filter((c) => c.metric === 'resolution');
    expect(resolution).toMatchObject({ status: 'running', targetMinutes: 1440, dueAt: '2027-03-09T13:00:00.000Z' });

    kit.freezeAt(new Date('2027-03-09T08:11:00Z')); // a minute before 80 %
    await kit.runJob('sla-check');
    expect(await slaEvents(ticket.id)).toEqual([]);

    kit.freezeAt(new Date('2027-03-09T08:12:30Z'));
    await waitFor(async () => (await slaEvents(ticket.id)).length === 2, 'both warnings');
    expect((await slaEvents(ticket.id)).sort()).toEqual(['warning:first_response', 'warning:resolution']);

    kit.freezeAt(new Date('2027-03-09T13:00:30Z'));
    await waitFor(async () => (await slaEvents(ticket.id)).length === 4, 'both breaches');
    // Many more passes of three instances raise nothing more.
    for (let i = 0; i < 10; i++) await Promise.all([kit.runJob('sla-check', 0), kit.runJob('sla-check', 1), kit.runJob('sla-check', 2)]);
    expect((await slaEvents(ticket.id)).sort()).toEqual(['breached:first_response', 'breached:resolution', 'warning:first_response', 'warning:resolution']);
    const [breach] = (await kit.events<SlaEvent>(TicketEvents.slaBreached, `ticket/${ticket.id}`)).filter((e) => e.data.metric === 'resolution');
    expect(breach.data).toMatchObject({ ticketId: ticket.id, number: ticket.number, queue: 'general', targetMinutes: 1440, dueAt: '2027-03-09T13:00:00.000Z' });
    expect((await clocks(ticket.id)).every((c) => c.breachedAt && c.warnedAt)).toBe(true);
  });

  it('raises each event exactly once for many cases checked by three instances at once', async () => {
    kit.freezeAt(new Date('2027-03-10T09:00:00+01:00'));
    const tickets = await Promise.all(Array.from({ length: 40 }, () => create({ queue: 'fast' })));
    kit.freezeAt(new Date('2027-03-10T11:30:00+01:00')); // past 2 h resolution (and 1 h first response)
    await waitFor(
      async () =>
        (await kit.count(`SELECT count(*) FROM tickets.sla_clock WHERE breached_at IS NULL AND ticket_id = ANY($1)`, [tickets.map((t) => t.id)])) === 0,
      'all clocks breached',
    );
    const { rows } = await kit.sql.query(
      `SELECT subject, envelope->'data'->>'metric' AS metric, count(*)::int AS n FROM tickets.outbox
       WHERE subject IN ($1, $2) AND envelope->'data'->>'ticketId' = ANY($3) GROUP BY 1, 2, envelope->'data'->>'ticketId'`,
      [TicketEvents.slaWarning, TicketEvents.slaBreached, tickets.map((t) => t.id)],
    );
    expect(rows).toHaveLength(40 * 4);
    expect(rows.every((row) => row.n === 1)).toBe(true);
  });

  it('pauses in pending_citizen, resumes on the answer, and stops when answered on time', async () => {
    kit.freezeAt(new Date('2027-03-11T09:00:00+01:00')); // Thursday
    const ticket = await create({ queue: 'fast' });
    kit.freezeAt(new Date('2027-03-11T09:20:00+01:00'));
    await kit.request(TicketSubjects.reply, { actor: 'agent-a', ticketId: ticket.id, text: 'Welche Adresse?', awaitCitizen: true });
    let [first, resolution] = await clocks(ticket.id);
    expect(first).toMatchObject({ metric: 'first_response', status: 'stopped', elapsedMinutes: 20 });
    expect(resolution).toMatchObject({ status: 'paused', elapsedMinutes: 20 });

    kit.freezeAt(new Date('2027-03-12T15:00:00+01:00')); // a day later: paused, no warning, no breach
    await kit.runJob('sla-check');
    expect(await slaEvents(ticket.id)).toEqual([]);
    await kit.request(TicketSubjects.transition, { actor: 'system:mail', ticketId: ticket.id, to: 'open' });
    [, resolution] = await clocks(ticket.id);
    // 100 minutes left from Friday 15:00: 3 h until closing → due 16:40.
    expect(resolution).toMatchObject({ status: 'running', elapsedMinutes: 20, dueAt: '2027-03-12T15:40:00.000Z' });

    kit.freezeAt(new Date('2027-03-12T15:45:00+01:00')); // 65 minutes used: over the 50 % warning share
    await waitFor(async () => (await slaEvents(ticket.id)).includes('warning:resolution'), 'resolution warning');
    await kit.request(TicketSubjects.reply, { actor: 'agent-a', ticketId: ticket.id, channel: 'callback', text: 'Erledigt' });
    [, resolution] = await clocks(ticket.id);
    expect(resolution).toMatchObject({ status: 'stopped', elapsedMinutes: 65 });
    expect(resolution.breachedAt).toBeUndefined();

    kit.freezeAt(new Date('2027-03-15T12:00:00+01:00'));
    await kit.runJob('sla-check');
    expect(await slaEvents(ticket.id)).toEqual(['warning:resolution']);
  });

  it('pauses in pending_authority when the policy says so, and breaches a late answer exactly once', async () => {
    kit.freezeAt(new Date('2027-03-16T09:00:00+01:00')); // Tuesday
    const ticket = await create({ queue: 'fast' });
    await kit.request(TicketSubjects.forward, { actor: 'agent-a', ticketId: ticket.id, authority: { name: 'Amt', email: 'amt@rostock.de' } });
    kit.freezeAt(new Date('2027-03-17T09:00:00+01:00'));
    await kit.runJob('sla-check');
    const resolution = (await clocks(ticket.id)).find((c) => c.metric === 'resolution');
    expect(resolution).toMatchObject({ status: 'paused', elapsedMinutes: 0 });

    await kit.request(TicketSubjects.transition, { actor: 'system:mail', ticketId: ticket.id, to: 'open' });
    // First response (60 min) is due at 10:00; answer at 10:30 before the scheduled check runs.
    kit.freezeAt(new Date('2027-03-17T10:30:00+01:00'));
    await kit.request(TicketSubjects.reply, { actor: 'agent-a', ticketId: ticket.id, text: 'Antwort vom Amt' });
    await waitFor(async () => (await slaEvents(ticket.id)).includes('breached:first_response'), 'first response breached');
    const events = await slaEvents(ticket.id);
    expect(events.filter((e) => e === 'breached:first_response')).toHaveLength(1);
    expect(events).not.toContain('breached:resolution');
  });
});
