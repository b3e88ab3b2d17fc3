import { AgentPresence, TicketChannel, TicketErrorCode, TicketState, TicketSubjects, TicketView } from '@d115/contracts';
import { TicketsKit } from './support/tickets-kit';

const ADMIN = 'system:admin';
const at = (time: string) => new Date(`2027-03-17T${time}:00+01:00`); // a Wednesday in MV

/** Supervisor figures over known cases, checked to the case. */
describe('tickets: figures', () => {
  let kit: TicketsKit;
  const t: Record<string, TicketView> = {};

  beforeAll(async () => {
    kit = await TicketsKit.create();
    await kit.start({ TICKETS_SCHEDULER_ENABLED: 'false' });
    for (const queueId of ['a', 'b', 'c']) await kit.request(TicketSubjects.queueUpsert, { actor: ADMIN, queueId, name: queueId.toUpperCase() });
    await kit.request(TicketSubjects.slaPolicyUpsert, {
      actor: ADMIN,
      name: 'A per Mail',
      queue: 'a',
      channel: 'email',
      firstResponseMinutes: 60,
      resolutionMinutes: 120,
    });
    await kit.request(TicketSubjects.slaPolicyUpsert, {
      actor: ADMIN,
      name: 'C per Mail',
      queue: 'c',
      channel: 'email',
      firstResponseMinutes: 30,
      resolutionMinutes: 600,
    });

    const create = (name: string, queue: string, channel: TicketChannel) =>
      kit
        .request(TicketSubjects.create, { actor: ADMIN, channel, queue, subject: name, citizen: { email: `${name}@example.org` } })
        .then((ticket) => (t[name] = ticket));
    const reply = (name: string, extra: Record<string, unknown> = {}) =>
      kit.request(TicketSubjects.reply, { actor: 'agent-1', ticketId: t[name].id, text: 'Antwort', ...extra });
    const move = (name: string, to: TicketState) => kit.request(TicketSubjects.transition, { actor: 'agent-1', ticketId: t[name].id, to });

    kit.freezeAt(at('08:30'));
    await create('t5', 'b', 'email'); // still waiting at the end
    kit.freezeAt(at('09:00'));
    for (const [name, queue, channel] of [
      ['t1', 'a', 'email'],
      ['t2', 'a', 'email'],
      ['t3', 'b', 'phone'],
      ['t4', 'a', 'email'],
    ] as const)
      await create(name, queue, channel);
    kit.freezeAt(at('09:30'));
    await reply('t1'); // first response and resolution in 30 min
    kit.freezeAt(at('10:00'));
    await move('t3', 'closed'); // closed without an answer after 60 min
    kit.freezeAt(at('10:30'));
    await reply('t2', { awaitCitizen: true }); // first response after 90 min: breached; resolution paused at 90
    kit.freezeAt(at('11:00'));
    await kit.runJob('sla-check'); // t4: first response due 10:00, resolution due 11:00 → both breached now
    kit.freezeAt(at('12:00'));
    await move('t2', 'open');
    kit.freezeAt(at('12:20'));
    await reply('t2'); // resolution 110 of 120 minutes: on time
    kit.freezeAt(at('12:00'));
    await create('t6', 'c', 'email'); // first response due 12:30, warned from 12:24
    kit.freezeAt(at('12:25'));
    await kit.runJob('sla-check'); // t6 warned, not breached
    kit.freezeAt(at('12:30'));
  });

  afterAll(() => kit.dispose());

  const day = { actor: ADMIN, from: '2027-03-17T00:00:00+01:00', to: '2027-03-18T00:00:00+01:00' };

  it('counts the backlog per queue and state and names the case waiting longest', async () => {
    const backlog = await kit.request(TicketSubjects.figuresBacklog, { actor: ADMIN });
    expect(backlog.rows).toEqual([
      { queue: 'a', state: 'answered', count: 2 },
      { queue: 'a', state: 'new', count: 1 },
      { queue: 'b', state: 'new', count: 1 },
      { queue: 'c', state: 'new', count: 1 },
    ]);
    expect(backlog.waiting.map((w) => [w.queue, w.count, w.oldest.number])).toEqual([
      ['a', 1, t.t4.number],
      ['b', 1, t.t5.number],
      ['c', 1, t.t6.number],
    ]);
    // t4's clocks breached (no longer a warning); t6's first response is in its warning.
    expect(backlog.slaWarnings).toEqual({
      count: 1,
      cases: [{ ticketId: t.t6.id, number: t.t6.number, queue: 'c', metric: 'first_response', dueAt: at('12:30').toISOString() }],
    });
    const queueA = await kit.request(TicketSubjects.figuresBacklog, { actor: ADMIN, queue: 'a' });
    expect(queueA.slaWarnings).toEqual({ count: 0, cases: [] });
    expect(backlog.oldestWaiting).toEqual({ ticketId: t.t5.id, number: t.t5.number, queue: 'b', waitingSince: at('08:30').toISOString(), waitingMinutes: 240 });
  });

  it('computes the SLA on-time rate and lists the breaches of the period', async () => {
    const sla = await kit.request(TicketSubjects.figuresSla, day);
    expect(sla.metrics).toEqual([
      { metric: 'first_response', total: 3, onTime: 1, breached: 2, onTimeRate: 0.3333 },
      { metric: 'resolution', total: 4, onTime: 3, breached: 1, onTimeRate: 0.75 },
    ]);
    expect(sla.breaches.map((b) => [b.number, b.metric, b.breachedAt])).toEqual([
      [t.t2.number, 'first_response', at('10:30').toISOString()],
      [t.t4.number, 'first_response', at('11:00').toISOString()],
      [t.t4.number, 'resolution', at('11:00').toISOString()],
    ]);
    const queueB = await kit.request(TicketSubjects.figuresSla, { ...day, queue: 'b' });
    expect(queueB.metrics).toEqual([
      { metric: 'first_response', total: 0, onTime: 0, breached: 0, onTimeRate: null },
      { metric: 'resolution', total: 1, onTime: 1, breached: 0, onTimeRate: 1 },
    ]);
    const nextDay = await kit.request(TicketSubjects.figuresSla, { actor: ADMIN, from: '2027-03-18T00:00:00+01:00', to: '2027-03-19T00:00:00+01:00' });
    expect(nextDay.metrics.map((m) => m.total)).toEqual([0, 0]);
  });

  it('averages first-response and resolution times in business hours, pauses excluded', async () => {
    const times = await kit.request(TicketSubjects.figuresHandlingTimes, day);
    // first response: t1 30 min, t2 90 min (t3 closed unanswered does not count); resolution: t1 30, t2 110, t3 60.
    expect(times.firstResponse).toEqual({ count: 2, averageBusinessHours: 1 });
    expect(times.resolution).toEqual({ count: 3, averageBusinessHours: 1.11 });
  });

  it('shows agent occupancy: held cases against capacity, agents not offline', async () => {
    const agent = (agentId: string, capacity: Record<string, number>, presence: AgentPresence) =>
      kit.request(TicketSubjects.agentUpsert, { actor: ADMIN, agentId, name: agentId, skills: {}, capacity, queues: ['c'], presence });
    await agent('ag-1', { email: 2, phone: 1 }, 'busy');
    await agent('ag-2', { email: 3 }, 'away');
    await agent('ag-3', { email: 5 }, 'offline');
    await kit.request(TicketSubjects.create, { actor: ADMIN, channel: 'email', queue: 'c', subject: 'Für C' });
    expect((await kit.request(TicketSubjects.takeNext, { actor: 'ag-1', agentId: 'ag-1' })).ticket).not.toBeNull();

    const occupancy = await kit.request(TicketSubjects.figuresOccupancy, { actor: ADMIN });
    expect(occupancy.agents).toEqual([
      { agentId: 'ag-1', presence: 'busy', load: 1, capacity: 3, occupancy: 0.3333 },
      { agentId: 'ag-2', presence: 'away', load: 0, capacity: 3, occupancy: 0 },
    ]);
    expect(occupancy.total).toEqual({ load: 1, capacity: 6, occupancy: 0.1667 });
  });

  it('refuses a period that ends before it starts', async () => {
    const failure = await kit.failure(TicketSubjects.figuresSla, { actor: ADMIN, from: day.to, to: day.from });
    expect(failure.code).toBe(TicketErrorCode.INVALID_PERIOD);
  });
});
